package io.reelx.exchange.listing.web;

import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.query.ListingView;

/**
 * Who may see a listing: everyone once it is announced; before that only the holder's
 * organisation and the exchange's staff (operators, auditors, finance). To anyone else it does
 * not exist (404).
 */
public final class ListingAccess {

  private ListingAccess() {}

  public static boolean visible(ListingView listing, CurrentUser user) {
    return listing.published() || user.seesAllOrganizations() || user.has(Role.FINANCE)
        || listing.holderOrganizationId().equals(user.organizationId().value());
  }

  /**
   * Whether a bid is shown to the viewing organisation, in the order book and on the live stream:
   * a sealed bid only to its bidder (the book reveals sealed bids by unsealing them at the close).
   */
  public static boolean bidVisible(boolean sealed, String bidderOrganizationId, String viewerOrganizationId) {
    return !sealed || bidderOrganizationId.equals(viewerOrganizationId);
  }
}
