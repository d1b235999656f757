package io.reelx.exchange.listing.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * DRAFT -> SUBMITTED -> (rejected back to DRAFT) -> ANNOUNCED -> BIDDING -> (COUNTDOWN) ->
 * AWARDED | FAILED; WITHDRAWN by the holder before bidding; SUSPENDED and resumed by the operator.
 */
public enum ListingStatus {
  DRAFT,
  SUBMITTED,
  ANNOUNCED,
  BIDDING,
  COUNTDOWN,
  AWARDED,
  FAILED,
  WITHDRAWN,
  SUSPENDED;

  private static final Set<ListingStatus> WITHDRAWABLE = EnumSet.of(DRAFT, SUBMITTED, ANNOUNCED);
  private static final Set<ListingStatus> SUSPENDABLE = EnumSet.of(ANNOUNCED, BIDDING, COUNTDOWN);
  private static final Set<ListingStatus> PRIVATE = EnumSet.of(DRAFT, SUBMITTED);

  public boolean withdrawable() {
    return WITHDRAWABLE.contains(this);
  }

  public boolean suspendable() {
    return SUSPENDABLE.contains(this);
  }

  /** Before announcement a listing is the holder's private draft. */
  public boolean isPrivate() {
    return PRIVATE.contains(this);
  }
}
