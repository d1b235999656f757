package io.reelx.settlement.payout.domain;

import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.money.Money;
import java.util.Optional;

/**
 * Pay out only what is covered: a payout may not exceed what the exchange owes the organisation
 * now (its account's available credit balance: posted credits minus posted and pending debits).
 * A payee that owes money back after a restatement (a debit balance) is paid nothing until later
 * statements have covered it.
 */
public final class CoveredPayout {

  private CoveredPayout() {}

  /** Why {@code amount} may not be paid out of an account with {@code balance} (null: never opened), or empty if it may. */
  public static Optional<String> refusal(String organization, AccountBalance balance, Money amount) {
    long available = balance == null ? 0 : balance.availableCreditBalance();
    if (available < amount.minor()) {
      return Optional.of("The exchange owes " + organization + " " + Money.of(Math.max(0, available), amount.currency())
          + "; a payout of " + amount + " is more");
    }
    return Optional.empty();
  }
}
