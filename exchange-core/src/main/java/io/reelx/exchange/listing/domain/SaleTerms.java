package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.settlement.money.Money;

/**
 * The price side of a listing, all amounts in minor units of {@code currency}. The reserve is
 * hidden from bidders; the deposit qualifies a bidder and counts toward the price if it wins.
 */
public record SaleTerms(
    SaleMode mode,
    String currency,
    long startingPrice,
    Long reservePrice,
    Long increment,
    long deposit) {

  public SaleTerms {
    if (mode == null) {
      throw new InvalidValue("saleMode", "is required");
    }
    if (!Money.isCurrency(currency)) {
      throw new InvalidValue("currency", "'" + currency + "' is not an ISO 4217 currency code");
    }
    if (startingPrice <= 0) {
      throw new InvalidValue("startingPrice", "must be a positive amount in minor units");
    }
    if (deposit < 0) {
      throw new InvalidValue("deposit", "must not be negative");
    }
    if (deposit > startingPrice) {
      throw new RuleViolation("deposit-above-starting-price",
          "The deposit counts toward the price, so it cannot be more than the starting price");
    }
    if (reservePrice != null && reservePrice < startingPrice) {
      throw new RuleViolation("reserve-below-start", "The reserve price must be at least the starting price");
    }
    if (increment != null && increment <= 0) {
      throw new InvalidValue("increment", "must be a positive amount in minor units");
    }
    if (mode == SaleMode.ENGLISH && increment == null) {
      throw new RuleViolation("increment-required", "An ENGLISH auction needs a bid increment");
    }
    if (mode == SaleMode.FIXED_PRICE && reservePrice != null) {
      throw new RuleViolation("reserve-not-applicable", "A FIXED_PRICE sale has no reserve: the price is the price");
    }
  }

  public Money starting() {
    return Money.of(startingPrice, currency);
  }
}
