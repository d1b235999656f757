package io.reelx.settlement.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsArbitraries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class LedgerProperties {

  static final List<AccountId> ACCOUNTS = List.of(
      AccountId.organization(new OrganizationId("p1"), "CNY"), AccountId.organization(new OrganizationId("p2"), "CNY"),
      AccountId.organization(new OrganizationId("s1"), "CNY"), AccountId.system(AccountKind.BANK, "CNY"),
      AccountId.system(AccountKind.DEPOSIT_ESCROW, "CNY"), AccountId.organization(new OrganizationId("p1"), "USD"),
      AccountId.system(AccountKind.BANK, "USD"));

  /** One step of a random history: a transfer, or a post/void of an earlier hold, possibly invalid, possibly a replay. */
  record Step(int kind, int id, int debit, int credit, long amount, String currency, int holdIndex) {}

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 40),
        Arbitraries.integers().between(0, ACCOUNTS.size() - 1), Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
        Arbitraries.longs().between(-5, 1_000_000), Arbitraries.of("CNY", "USD"), Arbitraries.integers().between(0, 10))
        .as(Step::new);
    return step.list().ofMaxSize(60);
  }

  @Property
  void the_trial_balance_nets_to_zero_after_any_sequence_of_transfers(@ForAll("histories") List<Step> history) {
    Ledger ledger = new Ledger();
    ACCOUNTS.forEach(ledger::open);
    List<Transfer> holds = new ArrayList<>();
    int recorded = 0;
    for (Step s : history) {
      Money amount = Money.of(s.amount(), s.currency());
      AccountId debit = ACCOUNTS.get(s.debit());
      AccountId credit = ACCOUNTS.get(s.credit());
      Transfer transfer;
      if (s.kind() <= 1) {
        transfer = Transfer.posted("t" + s.id(), debit, credit, amount, TransferCode.BANK_RECEIPT);
      } else if (s.kind() == 2) {
        transfer = Transfer.pending("t" + s.id(), debit, credit, amount, TransferCode.DEPOSIT_HOLD);
      } else if (holds.isEmpty()) {
        continue;
      } else {
        Transfer hold = holds.get(s.holdIndex() % holds.size());
        transfer = s.kind() == 3
            ? Transfer.post("t" + s.id(), hold, Money.of(Math.max(1, Math.min(s.amount(), hold.amount().minor())), hold.amount().currency()), TransferCode.DEPOSIT_CAPTURE)
            : Transfer.voidHold("t" + s.id(), hold, TransferCode.DEPOSIT_RELEASE);
      }
      TransferResult result = ledger.submit(transfer);
      if (result instanceof TransferResult.Accepted) {
        recorded++;
        if (transfer.phase() == Transfer.Phase.PENDING) {
          holds.add(transfer);
        }
      }
      assertThat(ledger.trialBalance().netsToZero()).isTrue();
    }
    assertThat(ledger.transferCount()).isEqualTo(recorded);
    for (Transfer hold : holds) {
      assertThat(ledger.holdStatus(hold.id())).isNotNull();
    }
  }

  @Provide
  Arbitrary<SettlementTerms> terms() {
    return TermsArbitraries.validTerms();
  }

  @Property(tries = 200)
  void posting_a_statement_then_its_restatement_leaves_the_balances_of_the_restated_statement(@ForAll("terms") SettlementTerms terms,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long grossV1, @ForAll @LongRange(min = 0, max = 1_000_000_000L) long grossV2) {
    OrganizationId platform = new OrganizationId("platform");
    Statement v1 = StatementCalculator.calculate(new StatementId("C", "p", 1), terms, report(grossV1), SettlementPosition.INITIAL, null);
    Statement v2 = StatementCalculator.calculate(new StatementId("C", "p", 2), terms, report(grossV2), SettlementPosition.INITIAL, null);
    Ledger restated = ledgerFor(terms, platform);
    Ledger direct = ledgerFor(terms, platform);

    assertThat(restated.submitAll(PostingPlan.forStatement(v1, platform))).allMatch(TransferResult::isRecorded);
    assertThat(restated.submitAll(PostingPlan.forAdjustment(StatementAdjustment.between(v1, v2), platform))).allMatch(TransferResult::isRecorded);
    direct.submitAll(PostingPlan.forStatement(v2, platform));

    for (AccountBalance balance : direct.trialBalance().accounts()) {
      assertThat(restated.balance(balance.account()).postedCreditBalance()).isEqualTo(balance.postedCreditBalance());
    }
    assertThat(restated.balance(AccountId.organization(platform, "CNY")).postedCreditBalance()).isEqualTo(-v2.payable().minor());
    assertThat(restated.trialBalance().netsToZero()).isTrue();
  }

  private static ReportSummary report(long gross) {
    return new ReportSummary("CNY", 1, gross / 10, BigDecimal.valueOf(gross, 3), gross);
  }

  private static Ledger ledgerFor(SettlementTerms terms, OrganizationId platform) {
    Ledger ledger = new Ledger();
    ledger.open(AccountId.organization(platform, "CNY"));
    ledger.open(AccountId.system(AccountKind.EXCHANGE_FEES, "CNY"));
    ledger.open(AccountId.system(AccountKind.WITHHOLDING_TAX, "CNY"));
    terms.payees().forEach(p -> ledger.open(AccountId.organization(p.organization(), "CNY")));
    return ledger;
  }
}
