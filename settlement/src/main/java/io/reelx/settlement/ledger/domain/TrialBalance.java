package io.reelx.settlement.ledger.domain;

import java.util.List;
import java.util.Map;

/**
 * Every account's balances and, per currency, the sums of debits and credits. Double entry means
 * each currency's debits equal its credits, posted and pending alike.
 */
public record TrialBalance(List<AccountBalance> accounts, Map<String, Totals> byCurrency) {

  public record Totals(long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
    public boolean balanced() {
      return debitsPosted == creditsPosted && debitsPending == creditsPending;
    }
  }

  public TrialBalance {
    accounts = List.copyOf(accounts);
    byCurrency = Map.copyOf(byCurrency);
  }

  /** True when, in every currency, posted and pending debits equal the credits. */
  public boolean netsToZero() {
    return byCurrency.values().stream().allMatch(Totals::balanced);
  }
}
