package io.reelx.exchange.listing.domain;

/** A bidder's standing on a listing, as the listing keeps it: its code, status and deposit held. */
public record Registration(
    RegistrationId id, String organizationId, String bidderCode, RegistrationStatus status, long depositHeld) {

  public Registration with(RegistrationStatus newStatus, long held) {
    return new Registration(id, organizationId, bidderCode, newStatus, held);
  }
}
