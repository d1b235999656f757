package io.reelx.settlement.statement.domain;

import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Deduction;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.WithholdingTax;
import java.math.BigDecimal;
import java.util.List;

/** Builders for the test terms: one studio in CN unless a test says otherwise. */
final class Schemes {

  static final OrganizationId STUDIO = new OrganizationId("studio");
  static final List<Payee> STUDIO_ONLY = List.of(new Payee(STUDIO, 10_000, "CN"));

  private Schemes() {}

  static SettlementTerms share(RevenueShare share) {
    return new SettlementTerms("CNY", null, null, share, STUDIO_ONLY, 0, null, 0);
  }

  static SettlementTerms terms(FlatFee fee, MinimumGuarantee mg, RevenueShare share, List<Payee> payees, long feeBp, WithholdingTax tax) {
    return new SettlementTerms("CNY", fee, mg, share, payees, feeBp, tax, 0);
  }

  static RevenueShare gross(RateSchedule schedule) {
    return new RevenueShare(Basis.GROSS, List.of(), schedule);
  }

  static RevenueShare net(RateSchedule schedule, Deduction... deductions) {
    return new RevenueShare(Basis.NET, List.of(deductions), schedule);
  }

  static ReportSummary report(long grossMinor) {
    return report(grossMinor, 0, "0");
  }

  static ReportSummary report(long grossMinor, long views, String watchHours) {
    return new ReportSummary("CNY", 1, views, new BigDecimal(watchHours), grossMinor);
  }

  static StatementId id(String period) {
    return new StatementId("C-1", period, 1);
  }

  static Statement calculate(SettlementTerms terms, ReportSummary report) {
    return StatementCalculator.calculate(id("2026-10"), terms, report, SettlementPosition.INITIAL, null);
  }
}
