package io.reelx.exchange.listing.domain;

/** How the licence is sold; see DESIGN §3 "Listings and auctions". */
public enum SaleMode {
  ENGLISH,
  SEALED_BID,
  FIXED_PRICE
}
