package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.RuleViolation;

/**
 * Which amounts a sale accepts. ENGLISH: the first bid at least the starting price; each later
 * bid above the current high by a positive whole multiple of the increment. SEALED_BID: at least
 * the starting price. Always in the listing's currency.
 */
public final class BidRules {

  private BidRules() {}

  public static void check(SaleTerms terms, Bid high, long amount, String currency) {
    if (!terms.currency().equals(currency)) {
      throw new RuleViolation("wrong-currency",
          "This listing is priced in " + terms.currency() + ", not " + currency);
    }
    if (terms.mode() != SaleMode.ENGLISH || high == null) {
      if (amount < terms.startingPrice()) {
        throw new RuleViolation("below-starting-price",
            "A bid must be at least the starting price " + terms.starting() + "; " + amount + " is below it");
      }
      return;
    }
    long step = terms.increment();
    if (amount <= high.amount()) {
      throw new RuleViolation("below-high",
          "A bid must exceed the current high of " + high.amount() + " (minor units); " + amount + " does not");
    }
    if ((amount - high.amount()) % step != 0) {
      throw new RuleViolation("not-a-whole-increment",
          "A bid must exceed the current high " + high.amount() + " by a whole multiple of the increment " + step
              + "; the next valid bids are " + (high.amount() + step) + ", " + (high.amount() + 2 * step) + ", ...");
    }
  }

  /** The result of a close: a winner, or why there is none. */
  public static Outcome decide(SaleTerms terms, Bid best) {
    if (best == null) {
      return new Outcome(null, terms.mode() == SaleMode.FIXED_PRICE ? FailureReason.NO_BUYER : FailureReason.NO_BIDS);
    }
    if (terms.reservePrice() != null && best.amount() < terms.reservePrice()) {
      return new Outcome(null, FailureReason.BELOW_RESERVE);
    }
    return new Outcome(best, null);
  }

  public record Outcome(Bid winner, FailureReason failure) {}
}
