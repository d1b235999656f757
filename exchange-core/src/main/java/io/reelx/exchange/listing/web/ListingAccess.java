package io.reelx.exchange.listing.web;

import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.query.ListingView;

/**
 * Who may see a listing: everyone once it is announced; before that only the holder's
 * organisation and the exchange's staff (operators, auditors, finance). To anyone else it does
 * not exist (404).
 */
final class ListingAccess {

  private ListingAccess() {}

  static boolean visible(ListingView listing, CurrentUser user) {
    return listing.published() || user.seesAllOrganizations() || user.has(Role.FINANCE)
        || listing.holderOrganizationId().equals(user.organizationId().value());
  }
}
