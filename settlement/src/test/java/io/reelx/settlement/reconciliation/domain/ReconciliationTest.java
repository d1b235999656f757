package io.reelx.settlement.reconciliation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Deduction;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  static final OrganizationId PLATFORM = new OrganizationId("platform");

  static Money cny(long minor) {
    return Money.of(minor, "CNY");
  }

  // MG 100,000; 50% of net after a 30% store fee; gross 1,000,000 -> net 700,000 -> share 350,000 -> payable 250,000
  static final Statement STATEMENT = StatementCalculator.calculate(new StatementId("C-1", "2026-10", 1),
      new SettlementTerms("CNY", null, new MinimumGuarantee(100_000),
          new RevenueShare(Basis.NET, List.of(new Deduction("app-store", 3000)), RateSchedule.flat(Metric.REVENUE, Rate.percent(5000))),
          List.of(new Payee(new OrganizationId("studio"), 10_000, "CN")), 0, null, 0),
      new ReportSummary("CNY", 3, 0, BigDecimal.ZERO, 1_000_000), SettlementPosition.INITIAL, null);

  @Test
  void a_declared_payable_equal_to_the_computed_one_raises_nothing() {
    assertThat(STATEMENT.payable()).isEqualTo(cny(250_000));
    assertThat(PayableReconciliation.reconcile(STATEMENT, cny(250_000), 0)).isEmpty();
  }

  @Test
  void a_difference_within_the_terms_tolerance_raises_nothing_and_one_beyond_it_does() {
    assertThat(PayableReconciliation.reconcile(STATEMENT, cny(250_005), 5)).isEmpty();
    assertThat(PayableReconciliation.reconcile(STATEMENT, cny(250_006), 5)).isPresent();
  }

  @Test
  void a_platform_that_forgot_the_mg_is_told_so_with_the_steps_of_the_calculation() {
    Discrepancy discrepancy = PayableReconciliation.reconcile(STATEMENT, cny(350_000), 0).orElseThrow();

    assertThat(discrepancy.kind()).isEqualTo(Discrepancy.Kind.PAYABLE_MISMATCH);
    assertThat(discrepancy.id()).isEqualTo("payable:C-1:2026-10-v1");
    assertThat(discrepancy.subject()).isEqualTo("2026-10-v1");
    assertThat(discrepancy.difference()).isEqualTo(cny(100_000));
    assertThat(discrepancy.explanation()).isEqualTo("declared payable CNY 3500.00 differs from computed CNY 2500.00 by CNY 1000.00"
        + " (tolerance CNY 0.00): the declared payable equals the share before MG recoupment (CNY 1000.00 recouped)");
    assertThat(discrepancy.details()).contains(
        "deduction app-store 30% = CNY 3000.00, leaving CNY 7000.00",
        "band 0 from 0: volume 700000 at 50% = CNY 3500.00",
        "share CNY 3500.00, MG recouped CNY 1000.00, flat fee CNY 0.00, payable CNY 2500.00");
  }

  @Test
  void a_resolution_needs_a_reason_and_is_final() {
    Discrepancy open = PayableReconciliation.reconcile(STATEMENT, cny(1), 0).orElseThrow();
    Instant at = Instant.parse("2026-11-02T10:00:00Z");

    assertThatThrownBy(() -> new Resolution(Resolution.Outcome.ACCEPT_COMPUTED, " ", "finance@reelx", at))
        .isInstanceOf(IllegalArgumentException.class);
    Discrepancy resolved = open.resolve(new Resolution(Resolution.Outcome.ACCEPT_COMPUTED, "platform confirmed MG recoupment", "finance@reelx", at));

    assertThat(open.isOpen()).isTrue();
    assertThat(resolved.isOpen()).isFalse();
    assertThatThrownBy(() -> resolved.resolve(new Resolution(Resolution.Outcome.WRITE_OFF, "again", "finance@reelx", at)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void payments_matching_their_invoices_raise_nothing() {
    List<Invoice> invoices = List.of(new Invoice("INV-1", PLATFORM, cny(100)), new Invoice("INV-2", PLATFORM, cny(50)));
    List<Receipt> receipts = List.of(new Receipt("B-1", PLATFORM, "INV-1", cny(60)), new Receipt("B-2", PLATFORM, "INV-1", cny(40)),
        new Receipt("B-3", PLATFORM, "INV-2", cny(50)));

    assertThat(PaymentReconciliation.reconcile(PLATFORM, "CNY", invoices, receipts)).isEmpty();
  }

  @Test
  void a_short_payment_names_the_invoice_short_paid_the_unpaid_one_and_the_stray_receipt() {
    List<Invoice> invoices = List.of(new Invoice("INV-1", PLATFORM, cny(100)), new Invoice("INV-2", PLATFORM, cny(50)));
    List<Receipt> receipts = List.of(new Receipt("B-1", PLATFORM, "INV-1", cny(70)), new Receipt("B-2", PLATFORM, null, cny(20)));

    Discrepancy discrepancy = PaymentReconciliation.reconcile(PLATFORM, "CNY", invoices, receipts).orElseThrow();

    assertThat(discrepancy.difference()).isEqualTo(cny(-60));
    assertThat(discrepancy.explanation()).isEqualTo("platform was invoiced CNY 1.50 and paid CNY 0.90 (difference CNY -0.60)");
    assertThat(discrepancy.details()).containsExactly(
        "invoice INV-1 of CNY 1.00: received CNY 0.70 (short CNY 0.30)",
        "invoice INV-2 of CNY 0.50: received CNY 0.00 (unpaid)",
        "receipt B-2 of CNY 0.20 quotes no invoice");
  }

  @Test
  void equal_totals_paid_against_the_wrong_invoices_are_still_a_discrepancy() {
    List<Invoice> invoices = List.of(new Invoice("INV-1", PLATFORM, cny(100)), new Invoice("INV-2", PLATFORM, cny(50)));
    List<Receipt> receipts = List.of(new Receipt("B-1", PLATFORM, "INV-1", cny(150)));

    Discrepancy discrepancy = PaymentReconciliation.reconcile(PLATFORM, "CNY", invoices, receipts).orElseThrow();

    assertThat(discrepancy.difference()).isEqualTo(cny(0));
    assertThat(discrepancy.details()).first().isEqualTo("totals agree but receipts do not match invoices");
  }
}
