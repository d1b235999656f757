package io.reelx.exchange.web.finance;

import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.RegistrationStatus;
import io.reelx.exchange.listing.query.AuctionViews;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import io.reelx.exchange.listing.query.RegistrationView;
import io.reelx.exchange.web.HomePage;
import io.reelx.settlement.payout.domain.FourEyes;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What waits for finance: deposits to record (a registration of an open sale whose deposit has not
 * arrived), open discrepancies, payouts waiting for a second officer. The workspace lists them; the
 * home page counts them.
 */
@Component
public class FinanceActions {

  private static final List<ListingStatus> TAKING_DEPOSITS = List.of(ListingStatus.ANNOUNCED, ListingStatus.BIDDING,
      ListingStatus.COUNTDOWN, ListingStatus.SUSPENDED);
  private static final int LISTINGS = 200;

  /** A registration whose deposit finance has still to record, with its listing. */
  public record DepositDue(ListingView listing, RegistrationView registration) {}

  private final ListingViews listings;
  private final AuctionViews auctions;
  private final FinanceDesk desk;

  public FinanceActions(ListingViews listings, AuctionViews auctions, FinanceDesk desk) {
    this.listings = listings;
    this.auctions = auctions;
    this.desk = desk;
  }

  public List<DepositDue> depositsDue(CurrentUser me) {
    List<DepositDue> due = new ArrayList<>();
    for (ListingStatus status : TAKING_DEPOSITS) {
      for (ListingView listing : listings.search(new ListingSearch(me.organizationId().value(), true, status, null, null,
          null), 0, LISTINGS).items()) {
        for (RegistrationView r : auctions.registrations(listing.id())) {
          if (r.status() == RegistrationStatus.REGISTERED && r.deposit() > 0 && r.depositReceived() == null) {
            due.add(new DepositDue(listing, r));
          }
        }
      }
    }
    return due;
  }

  public long payoutsAwaitingApproval() {
    return desk.payouts(null).stream().filter(p -> "REQUESTED".equals(p.status())).count();
  }

  /** Requested payouts this officer may approve (not their own: four eyes). */
  public long payoutsAwaitingApprovalBy(CurrentUser me) {
    return desk.payouts(null).stream().filter(p -> "REQUESTED".equals(p.status()))
        .filter(p -> FourEyes.refusal(p.id(), p.requestedBy(), me.userId().value()).isEmpty()).count();
  }

  /** The home page's finance items. */
  public List<HomePage.Action> home(CurrentUser me) {
    return List.of(
        new HomePage.Action("fin.home.deposits", depositsDue(me).size(), "/finance#deposits"),
        new HomePage.Action("fin.home.discrepancies", desk.discrepancies(null, true).size(), "/finance/reconciliation"),
        new HomePage.Action("fin.home.payouts", payoutsAwaitingApprovalBy(me), "/finance/payouts"));
  }
}
