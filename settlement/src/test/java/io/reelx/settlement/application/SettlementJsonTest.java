package io.reelx.settlement.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.FxRate;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettlementJsonTest {

  private static final String TERMS = """
      {
        "currency": "CNY",
        "flatFee": { "amountMinor": 5000000, "recurrence": "ONCE" },
        "minimumGuarantee": { "amountMinor": 100000000 },
        "revenueShare": {
          "basis": "NET",
          "deductions": [ { "name": "app-store", "basisPoints": 3000 }, { "name": "vat", "basisPoints": 600 } ],
          "schedule": {
            "metric": "VIEWS", "mode": "MARGINAL", "accumulation": "CUMULATIVE",
            "tiers": [
              { "from": "0",       "rate": { "type": "perUnit", "minorPerUnit": "0.35" } },
              { "from": "1000000", "rate": { "type": "percent", "basisPoints": 12000 } }
            ]
          }
        },
        "payees": [
          { "organization": "studio", "shareBasisPoints": 7000, "country": "CN" },
          { "organization": "author", "shareBasisPoints": 3000, "country": "US" }
        ],
        "exchangeFeeBasisPoints": 150,
        "withholdingTax": { "basisPoints": 1000, "payerCountry": "CN" }
      }
      """;

  @Test
  void terms_in_the_readme_format_read_and_write_back_the_same() {
    SettlementTerms terms = SettlementJson.read(TERMS, SettlementTerms.class);
    assertThat(terms.payees().get(0).organization().value()).isEqualTo("studio");
    assertThat(terms.revenueShare().schedule().tiers().get(0).rate())
        .isEqualTo(new io.reelx.settlement.terms.domain.Rate.PerUnit(new BigDecimal("0.35")));
    assertThat(terms.declaredPayableToleranceMinor()).isZero();
    assertThat(terms.outOfWindowLines()).as("terms stored before the field existed refuse such lines")
        .isEqualTo(io.reelx.settlement.terms.domain.OutOfWindowLines.REFUSE);
    String written = SettlementJson.write(terms);
    assertThat(written).contains("\"organization\":\"studio\"", "\"type\":\"perUnit\"", "\"minorPerUnit\":\"0.35\"");
    assertThat(SettlementJson.read(written, SettlementTerms.class)).isEqualTo(terms);
  }

  @Test
  void terms_that_accept_out_of_window_lines_say_so_and_read_back() {
    String json = TERMS.replace("\"exchangeFeeBasisPoints\": 150,", "\"exchangeFeeBasisPoints\": 150, \"outOfWindowLines\": \"DISCREPANCY\",");
    SettlementTerms terms = SettlementJson.read(json, SettlementTerms.class);
    assertThat(terms.outOfWindowLines()).isEqualTo(io.reelx.settlement.terms.domain.OutOfWindowLines.DISCREPANCY);
    assertThat(SettlementJson.read(SettlementJson.write(terms), SettlementTerms.class)).isEqualTo(terms);
  }

  @Test
  void a_statement_survives_a_round_trip_exactly() {
    SettlementTerms terms = SettlementJson.read(TERMS.replace("\"CNY\"", "\"CNY\""), SettlementTerms.class);
    Statement statement = StatementCalculator.calculate(new StatementId("C-1", "2027-03", 1), terms,
        new ReportSummary("USD", 3, 2_500_000, new BigDecimal("1234.125"), 9_876_543), SettlementPosition.INITIAL,
        FxRate.of("USD", "CNY", "7.1234"));
    Statement back = SettlementJson.read(SettlementJson.write(statement), Statement.class);
    assertThat(back).isEqualTo(statement);
    assertThat(SettlementJson.MAPPER.convertValue(statement, Map.class)).containsKey("tiers").doesNotContainKey("positive");
  }

  @Test
  void exact_amounts_are_plain_decimals() {
    // 10% of 2,000,000,000: the band's exact amount is 200,000,000, written as such, not 2E+8
    SettlementTerms terms = new SettlementTerms("CNY", null, null, new io.reelx.settlement.terms.domain.RevenueShare(
        io.reelx.settlement.terms.domain.Basis.GROSS, java.util.List.of(), io.reelx.settlement.terms.domain.RateSchedule.flat(
            io.reelx.settlement.terms.domain.Metric.REVENUE, io.reelx.settlement.terms.domain.Rate.percent(1000))),
        java.util.List.of(new io.reelx.settlement.terms.domain.Payee(new io.reelx.settlement.terms.domain.OrganizationId("s"), 10_000, "CN")),
        0, null, 0);
    Statement statement = StatementCalculator.calculate(new StatementId("C-1", "2027-03", 1), terms,
        new ReportSummary("CNY", 1, 0, BigDecimal.ZERO, 2_000_000_000L), SettlementPosition.INITIAL, null);

    String json = SettlementJson.write(statement);

    assertThat(json).contains("\"exactAmount\":\"200000000\"").doesNotContain("E+");
    assertThat(SettlementJson.MAPPER.convertValue(statement, Map.class).toString()).doesNotContain("E+");
    assertThat(SettlementJson.read(json, Statement.class)).isEqualTo(statement);
    assertThat(SettlementJson.write(new BigDecimal("2E+8"))).isEqualTo("\"200000000\"");
  }
}
