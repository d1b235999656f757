package io.reelx.settlement.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.settlement.reconciliation.domain.Discrepancy;
import io.reelx.settlement.money.Money;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LicensedWindowTest {

  private static final LicensedWindow TH_SVOD = new LicensedWindow(Set.of("TH"), Set.of("SVOD"));

  private static ReportLine line(long n, String territory, String channel, long gross) {
    return new ReportLine(n, "S01E0" + n, territory, channel, 10, BigDecimal.ONE, gross, "CNY");
  }

  @Test
  void a_line_in_a_licensed_territory_and_medium_is_covered() {
    assertThat(TH_SVOD.covers(line(1, "TH", "SVOD", 100))).isTrue();
    assertThat(TH_SVOD.errors(1, "TH", "svod")).as("channels are names, case aside").isEmpty();
  }

  @Test
  void a_cn_avod_line_on_a_th_svod_licence_is_outside_on_both_fields() {
    assertThat(TH_SVOD.covers(line(2, "CN", "AVOD", 100))).isFalse();
    assertThat(TH_SVOD.errors(2, "CN", "AVOD")).extracting(LineError::lineNumber, LineError::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "territory"), org.assertj.core.groups.Tuple.tuple(2L, "channel"));
    assertThat(TH_SVOD.errors(2, "CN", "SVOD")).extracting(LineError::field).containsExactly("territory");
    assertThat(TH_SVOD.errors(2, "TH", "AVOD")).extracting(LineError::field).containsExactly("channel");
    assertThat(TH_SVOD.errors(2, "CN", "AVOD").get(0).reason()).contains("'CN'", "TH");
  }

  @Test
  void a_validator_with_a_window_refuses_lines_outside_it_with_the_other_errors() {
    ErrorSink errors = new ErrorSink();
    ReportLineValidator validator = new ReportLineValidator("CNY", TH_SVOD);
    assertThat(validator.validate(1, new ReportLineInput("E1", "TH", "SVOD", "1", "1", "5", "CNY"), errors)).isNotNull();
    assertThat(validator.validate(2, new ReportLineInput("E2", "CN", "AVOD", "x", "1", "5", "CNY"), errors)).isNull();
    // a malformed territory is reported as malformed, not also as outside the licence
    assertThat(validator.validate(3, new ReportLineInput("E3", "china", "SVOD", "1", "1", "5", "CNY"), errors)).isNull();
    assertThat(errors.errors()).extracting(e -> e.lineNumber() + ":" + e.field())
        .containsExactly("2:territory", "2:channel", "2:views", "3:territory");
    assertThat(new ReportLineValidator("CNY").validate(4, new ReportLineInput("E4", "CN", "AVOD", "1", "1", "5", "CNY"),
        new ErrorSink())).as("no window, no check").isNotNull();
  }

  @Test
  void a_csv_with_a_line_outside_the_window_is_invalid_and_names_the_line() {
    List<ReportLine> valid = new ArrayList<>();
    ValidationOutcome outcome = new CsvReportReader("CNY", TH_SVOD).read(new StringReader(CsvFormat.HEADER + "\n"
        + "S01E01,TH,SVOD,1,1,10,CNY\n"
        + "S01E02,CN,AVOD,1,1,10,CNY\n"), valid::add);
    assertThat(outcome.isValid()).isFalse();
    assertThat(outcome.errors()).extracting(e -> "line " + e.lineNumber() + ": " + e.field())
        .containsExactly("line 3: territory", "line 3: channel");
    assertThat(valid).extracting(ReportLine::lineNumber).containsExactly(2L);
  }

  @Test
  void lines_outside_the_window_make_one_discrepancy_of_their_gross() {
    LinesOutsideWindow outside = new LinesOutsideWindow(TH_SVOD);
    outside.accept(line(1, "TH", "SVOD", 1_000));
    outside.accept(line(2, "CN", "AVOD", 400));
    outside.accept(line(3, "TH", "AVOD", 60));

    assertThat(outside.lines()).isEqualTo(2);
    Discrepancy d = outside.discrepancy("window:C:2028-03:v1", "C 2028-03 report v1").orElseThrow();
    assertThat(d.kind()).isEqualTo(Discrepancy.Kind.OUT_OF_WINDOW_LINES);
    assertThat(d.expected()).isEqualTo(Money.of(0, "CNY"));
    assertThat(d.actual()).isEqualTo(Money.of(460, "CNY"));
    assertThat(d.difference()).isEqualTo(Money.of(460, "CNY"));
    assertThat(d.details()).hasSize(2);
    assertThat(d.details().get(0)).startsWith("line 2 (S01E02, CN, AVOD").contains("territory", "channel");
  }

  @Test
  void details_are_capped_and_the_rest_counted() {
    LinesOutsideWindow outside = new LinesOutsideWindow(TH_SVOD);
    for (int i = 1; i <= LinesOutsideWindow.MAX_DETAILS + 5; i++) {
      outside.accept(line(i, "CN", "SVOD", 1));
    }
    Discrepancy d = outside.discrepancy("id", "subject").orElseThrow();
    assertThat(d.details()).hasSize(LinesOutsideWindow.MAX_DETAILS + 1).last().isEqualTo("and 5 more line(s)");
  }

  @Test
  void no_window_or_no_line_outside_makes_no_discrepancy() {
    LinesOutsideWindow none = new LinesOutsideWindow(null);
    none.accept(line(1, "CN", "AVOD", 5));
    assertThat(none.discrepancy("id", "s")).isEmpty();
    LinesOutsideWindow inside = new LinesOutsideWindow(TH_SVOD);
    inside.accept(line(1, "TH", "SVOD", 5));
    assertThat(inside.discrepancy("id", "s")).isEmpty();
  }
}
