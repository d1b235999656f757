package io.reelx.exchange.contract.domain;

import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;

/**
 * What the parties agree to, fixed at drafting from the listing and the winning bid. Everything
 * the canonical document shows comes from here, so the document never changes after drafting.
 *
 * @param price the winning bid, in minor units of {@code currency}
 * @param depositApplied the licensee's deposit applied toward the price, in minor units
 * @param paymentDueDays days after activation within which the balance is due
 * @param zone the exchange's time zone: working days and dates are counted there
 */
public record ContractTerms(
    String listingId,
    String titleId,
    String titleName,
    PartyTerms licensor,
    PartyTerms licensee,
    WindowTerms window,
    boolean exclusive,
    boolean sublicensable,
    long price,
    String currency,
    long depositApplied,
    int paymentDueDays,
    ListingSettlementTerms settlementTerms,
    Instant awardedAt,
    Instant signingDeadline,
    String zone) {

  public long balanceDue() {
    return Math.subtractExact(price, depositApplied);
  }

  public PartyTerms party(Party party) {
    return party == Party.LICENSOR ? licensor : licensee;
  }
}
