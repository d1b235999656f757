package io.reelx.settlement.payout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;
import org.junit.jupiter.api.Test;

class PayoutPoliciesTest {

  static final AccountId STUDIO = AccountId.organization(new OrganizationId("studio"), "CNY");

  @Test
  void the_requester_does_not_approve_their_own_payout() {
    assertThat(FourEyes.refusal("P-1", "fay", "fay")).hasValueSatisfying(r -> assertThat(r).contains("another finance officer"));
    assertThat(FourEyes.refusal("P-1", "fay", "fred")).isEmpty();
  }

  @Test
  void only_what_the_exchange_owes_is_paid_out() {
    // credited 1,000, already paid 300, 200 held: 500 available
    AccountBalance balance = new AccountBalance(STUDIO, 200, 300, 0, 1_000);

    assertThat(CoveredPayout.refusal("studio", balance, Money.of(500, "CNY"))).isEmpty();
    assertThat(CoveredPayout.refusal("studio", balance, Money.of(501, "CNY"))).hasValueSatisfying(r -> assertThat(r).contains("owes studio"));
    assertThat(CoveredPayout.refusal("studio", null, Money.of(1, "CNY"))).isPresent();
    // a payee that owes money back after a restatement is paid nothing
    AccountBalance owesBack = new AccountBalance(STUDIO, 0, 1_800, 0, 1_000);
    assertThat(CoveredPayout.refusal("studio", owesBack, Money.of(1, "CNY"))).hasValueSatisfying(r -> assertThat(r).contains("CNY 0.00").doesNotContain("-"));
  }
}
