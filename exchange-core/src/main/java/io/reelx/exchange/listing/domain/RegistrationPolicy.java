package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import java.util.Optional;

/**
 * Who may register, pay a deposit, be qualified or refused, and bid. A platform registers while
 * the listing is announced or bidding (the holder never), once: registering again answers with
 * the first registration. Finance records the exact deposit once; an operator qualifies a bidder
 * whose deposit (if any is due) was received, or refuses one not yet qualified. Only a qualified
 * bidder bids.
 */
public final class RegistrationPolicy {

  private RegistrationPolicy() {}

  /**
   * Whether {@code organizationId} may register; an existing registration is the answer itself
   * (nothing new is registered), checked before the phase so a repeat is never refused.
   */
  public static Optional<Registration> register(String holder, String organizationId,
      Optional<Registration> existing, ListingStatus status) {
    if (holder.equals(organizationId)) {
      throw new RuleViolation("holder-cannot-bid", "A rights holder cannot register for its own listing");
    }
    if (existing.isPresent()) {
      return existing;
    }
    if (status != ListingStatus.ANNOUNCED && status != ListingStatus.BIDDING && status != ListingStatus.COUNTDOWN) {
      throw new StateConflict("Registration is open while a listing is announced or bidding; this one is " + status);
    }
    return Optional.empty();
  }

  /** The code others see for the {@code n}th bidder (1-based): B-01, B-02, ... */
  public static String bidderCode(int n) {
    return String.format("B-%02d", n);
  }

  /** A deposit can be recorded once, in full, in the listing's currency, while the sale is open. */
  public static void checkDeposit(Registration registration, ListingStatus status, SaleTerms sale, long amount,
      String currency) {
    if (registration.status() != RegistrationStatus.REGISTERED) {
      throw new StateConflict("The deposit can be recorded once, for a REGISTERED bidder; this one is "
          + registration.status());
    }
    if (SaleClock.isClosed(status)) {
      throw new StateConflict("The listing is " + status + "; deposits are no longer taken");
    }
    if (!sale.currency().equals(currency)) {
      throw new RuleViolation("wrong-currency", "The deposit is due in " + sale.currency() + ", not " + currency);
    }
    if (amount != sale.deposit()) {
      throw new RuleViolation("deposit-mismatch", "The deposit due is " + sale.deposit() + " (minor units of "
          + sale.currency() + "); " + amount + " was recorded. Record the exact amount received once it is complete");
    }
  }

  /** Whether qualifying changes anything: false for a bidder already qualified. */
  public static boolean qualify(Registration registration, ListingStatus status, SaleTerms sale) {
    if (registration.status() == RegistrationStatus.QUALIFIED) {
      return false;
    }
    if (registration.status() == RegistrationStatus.REFUSED) {
      throw new StateConflict("This bidder was refused");
    }
    if (sale.deposit() > 0 && registration.status() != RegistrationStatus.DEPOSIT_RECEIVED) {
      throw new RuleViolation("deposit-not-received", "Finance has not recorded this bidder's deposit yet");
    }
    if (SaleClock.isClosed(status)) {
      throw new StateConflict("The listing is " + status);
    }
    return true;
  }

  /** A bidder can be refused until it is qualified. */
  public static void checkRefusal(Registration registration) {
    if (registration.status() == RegistrationStatus.REFUSED || registration.status() == RegistrationStatus.QUALIFIED) {
      throw new StateConflict("This bidder is already " + registration.status());
    }
  }

  /** The registration that lets {@code organizationId} bid or buy. */
  public static Registration qualifiedBidder(String holder, String organizationId, Optional<Registration> registration) {
    if (holder.equals(organizationId)) {
      throw new RuleViolation("holder-cannot-bid", "A rights holder cannot bid on its own listing");
    }
    Registration r = registration
        .orElseThrow(() -> new RuleViolation("not-registered", "Register for this listing and qualify before bidding"));
    if (r.status() != RegistrationStatus.QUALIFIED) {
      throw new RuleViolation("not-qualified", "Your organisation is not qualified to bid on this listing (it is "
          + r.status() + ")");
    }
    return r;
  }

  /** Bids are taken while bidding is open (free or timed period). */
  public static void checkBiddingOpen(ListingStatus status, Schedule schedule) {
    switch (status) {
      case BIDDING, COUNTDOWN -> { }
      case SUSPENDED -> throw new RuleViolation("listing-suspended", "The listing is suspended; bidding is paused");
      case ANNOUNCED -> throw new RuleViolation("bidding-not-started",
          "Bidding starts at " + schedule.biddingStartsAt());
      case AWARDED, FAILED, WITHDRAWN -> throw new RuleViolation("bidding-closed", "Bidding has closed: " + status);
      default -> throw new RuleViolation("not-open", "The listing is " + status + ", not open for bidding");
    }
  }
}
