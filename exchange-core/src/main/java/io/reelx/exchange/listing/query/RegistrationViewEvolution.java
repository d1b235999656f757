package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.BidderQualified;
import io.reelx.exchange.listing.domain.BidderRefused;
import io.reelx.exchange.listing.domain.DepositApplied;
import io.reelx.exchange.listing.domain.DepositReceived;
import io.reelx.exchange.listing.domain.DepositReleased;
import io.reelx.exchange.listing.domain.PlatformRegistered;
import io.reelx.exchange.listing.domain.RegistrationStatus;
import java.time.Instant;

/**
 * What each listing event does to one bidder's registration view: used by the projection that
 * stores it and to fold it from the listing's events when the projection is behind.
 */
final class RegistrationViewEvolution {

  private RegistrationViewEvolution() {}

  /** The registration {@code id} after {@code event}; null until it is registered. */
  static RegistrationView evolve(RegistrationView r, String id, Object event, long seq, Instant at) {
    if (event instanceof PlatformRegistered e && e.registrationId().value().equals(id)) {
      return new RegistrationView(id, e.listingId().value(), e.organizationId(), e.bidderCode(),
          RegistrationStatus.REGISTERED, e.deposit(), e.currency(), null, null, "NONE", null, at, null, seq);
    }
    if (r == null) {
      return null;
    }
    if (event instanceof DepositReceived e && e.registrationId().value().equals(id)) {
      return new RegistrationView(id, r.listingId(), r.organizationId(), r.bidderCode(),
          RegistrationStatus.DEPOSIT_RECEIVED, r.deposit(), r.currency(), e.amount(), e.bankReference(), "HELD",
          r.refusalReason(), r.registeredAt(), r.qualifiedAt(), seq);
    }
    if (event instanceof BidderQualified e && e.registrationId().value().equals(id)) {
      return new RegistrationView(id, r.listingId(), r.organizationId(), r.bidderCode(), RegistrationStatus.QUALIFIED,
          r.deposit(), r.currency(), r.depositReceived(), r.bankReference(), r.depositStatus(), r.refusalReason(),
          r.registeredAt(), at, seq);
    }
    if (event instanceof BidderRefused e && e.registrationId().value().equals(id)) {
      return new RegistrationView(id, r.listingId(), r.organizationId(), r.bidderCode(), RegistrationStatus.REFUSED,
          r.deposit(), r.currency(), r.depositReceived(), r.bankReference(), r.depositStatus(), e.reason(),
          r.registeredAt(), r.qualifiedAt(), seq);
    }
    if (event instanceof DepositReleased e && e.registrationId().value().equals(id)) {
      return deposit(r, "RELEASED", seq);
    }
    if (event instanceof DepositApplied e && e.registrationId().value().equals(id)) {
      return deposit(r, "APPLIED", seq);
    }
    return r;
  }

  private static RegistrationView deposit(RegistrationView r, String status, long seq) {
    return new RegistrationView(r.id(), r.listingId(), r.organizationId(), r.bidderCode(), r.status(), r.deposit(),
        r.currency(), r.depositReceived(), r.bankReference(), status, r.refusalReason(), r.registeredAt(),
        r.qualifiedAt(), seq);
  }
}
