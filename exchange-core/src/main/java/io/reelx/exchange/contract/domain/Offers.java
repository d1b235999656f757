package io.reelx.exchange.contract.domain;

import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingId;
import java.util.Optional;

/**
 * What each listing offered, kept by the contract drafting processor until the listing is awarded
 * (implemented on PostgreSQL in {@code contract.query}).
 */
public interface Offers {

  /** Keeps the listing's offer; a listing's first offer stays (a replayed event changes nothing). */
  void keep(ListingCreated offer);

  Optional<ListingCreated> of(ListingId listing);
}
