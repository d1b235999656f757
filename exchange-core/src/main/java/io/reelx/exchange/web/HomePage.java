package io.reelx.exchange.web;

import io.reelx.exchange.web.finance.FinanceActions;
import io.reelx.exchange.web.platform.PlatformActions;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what needs the signed-in user's action now, by role, each item a count and a
 * link to the page where it is done.
 */
@PageController
public class HomePage {

  /** One thing to do: its message key, how many, where to do it. */
  public record Action(String messageKey, long count, String href) {}

  private final Access access;
  private final ListingViews listings;
  private final FinanceActions finance;
  private final PlatformActions platform;

  public HomePage(Access access, ListingViews listings, FinanceActions finance,
      PlatformActions platform) {
    this.access = access;
    this.listings = listings;
    this.finance = finance;
    this.platform = platform;
  }

  @GetMapping("/")
  public String home(Model model) {
    CurrentUser me = access.current();
    List<Action> actions = new ArrayList<>();
    String org = me.organizationId().value();
    boolean all = me.seesAllOrganizations();
    if (me.has(Role.OPERATOR)) {
      actions.add(new Action("home.action.review", count(org, all, ListingStatus.SUBMITTED), "/market?status=SUBMITTED"));
    }
    if (me.has(Role.PLATFORM)) {
      actions.add(new Action("home.action.live", count(org, all, ListingStatus.BIDDING)
          + count(org, all, ListingStatus.COUNTDOWN), "/market?live"));
      actions.add(new Action("home.action.announced", count(org, all, ListingStatus.ANNOUNCED), "/market"));
      actions.addAll(platform.home(me));
    }
    if (me.has(Role.RIGHTS_HOLDER)) {
      actions.add(new Action("home.action.drafts", countOwn(me, ListingStatus.DRAFT), "/market?status=DRAFT"));
    }
    if (me.has(Role.FINANCE)) {
      actions.addAll(finance.home(me));
    }
    model.addAttribute("actions", actions);
    return "home";
  }

  private long count(String org, boolean all, ListingStatus status) {
    return listings.search(new ListingSearch(org, all, status, null, null, null), 0, 1).totalItems();
  }

  private long countOwn(CurrentUser me, ListingStatus status) {
    return listings.search(new ListingSearch(me.organizationId().value(), false, status, null, null, null), 0, 1)
        .totalItems();
  }
}
