package io.reelx.settlement.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportReaderTest {

  private final CsvReportReader reader = new CsvReportReader("CNY");
  private final List<ReportLine> lines = new ArrayList<>();

  private ValidationOutcome read(String csv) {
    return reader.read(new StringReader(csv), lines::add);
  }

  @Test
  void valid_lines_stream_out_with_exact_numbers() {
    ValidationOutcome outcome = read(CsvFormat.HEADER + "\r\n"
        + "S01E01,CN,SVOD,120000,35210.5,1250000,CNY\r\n"
        + "\"S01E02, the \"\"return\"\"\",HK,AVOD,7,0.125,99,CNY\n");

    assertThat(outcome.isValid()).isTrue();
    assertThat(outcome.lines()).isEqualTo(2);
    assertThat(lines).containsExactly(
        new ReportLine(2, "S01E01", "CN", "SVOD", 120_000, new BigDecimal("35210.5"), 1_250_000, "CNY"),
        new ReportLine(3, "S01E02, the \"return\"", "HK", "AVOD", 7, new BigDecimal("0.125"), 99, "CNY"));
  }

  @Test
  void a_file_saved_by_excel_with_a_byte_order_mark_is_read() {
    ValidationOutcome outcome = read("\uFEFF" + CsvFormat.HEADER + "\r\nS01E01,CN,SVOD,1,1,10,CNY\r\n");

    assertThat(outcome.isValid()).as(outcome.toString()).isTrue();
    assertThat(lines).extracting(ReportLine::episode).containsExactly("S01E01");
  }

  @Test
  void a_line_with_a_control_character_is_refused_by_number() {
    ValidationOutcome outcome = read(CsvFormat.HEADER + "\nS01\u0000E01,CN,SVOD,1,1,10,CNY\nS01E02,CN,SVOD,1,1,10,CNY\n");

    assertThat(outcome.isValid()).isFalse();
    assertThat(lines).extracting(ReportLine::episode).containsExactly("S01E02");
    assertThat(outcome.errors()).singleElement().satisfies(e -> {
      assertThat(e.lineNumber()).isEqualTo(2);
      assertThat(e.reason()).contains("U+0000");
    });
  }

  @Test
  void columns_may_come_in_any_order() {
    ValidationOutcome outcome = read("currency,gross_minor,watch_hours,views,channel,territory,episode\nCNY,5,1,2,TVOD,US,E1\n");

    assertThat(outcome.isValid()).isTrue();
    assertThat(lines.get(0)).isEqualTo(new ReportLine(2, "E1", "US", "TVOD", 2, BigDecimal.ONE, 5, "CNY"));
  }

  @Test
  void every_error_of_every_line_is_collected_and_no_bad_line_is_emitted() {
    ValidationOutcome outcome = read(CsvFormat.HEADER + "\n"
        + "S01E01,CN,SVOD,120000,35210.5,1250000,CNY\n"
        + ",china,SV OD,-1,1.2345,12.50,USD\n"
        + "\n"
        + "S01E03,CN,SVOD,1,1\n"
        + "S01E04,CN,SVOD,1,1,1,XXX\n"
        + "\"S01E05,CN,SVOD,1,1,1,CNY\n");

    assertThat(lines).extracting(ReportLine::episode).containsExactly("S01E01");
    assertThat(outcome.isValid()).isFalse();
    assertThat(outcome.lines()).isEqualTo(5);
    assertThat(outcome.validLines()).isEqualTo(1);
    assertThat(outcome.errors()).extracting(LineError::lineNumber, LineError::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3L, "episode"),
        org.assertj.core.groups.Tuple.tuple(3L, "territory"),
        org.assertj.core.groups.Tuple.tuple(3L, "channel"),
        org.assertj.core.groups.Tuple.tuple(3L, "views"),
        org.assertj.core.groups.Tuple.tuple(3L, "watch_hours"),
        org.assertj.core.groups.Tuple.tuple(3L, "gross_minor"),
        org.assertj.core.groups.Tuple.tuple(3L, "currency"),
        org.assertj.core.groups.Tuple.tuple(5L, ""),
        org.assertj.core.groups.Tuple.tuple(6L, "currency"),
        org.assertj.core.groups.Tuple.tuple(7L, ""));
    assertThat(outcome.errors().get(6).reason()).isEqualTo("the report is in CNY, not USD");
    assertThat(outcome.errors().get(7).reason()).isEqualTo("expected 7 fields, found 5");
  }

  @Test
  void a_bad_header_stops_the_read_with_every_header_problem() {
    ValidationOutcome outcome = read("episode,territory,chanel,views,views,gross_minor\nS01E01,CN,SVOD,1,1,1\n");

    assertThat(lines).isEmpty();
    assertThat(outcome.errors()).extracting(LineError::field, LineError::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("chanel", "unknown column; expected " + CsvFormat.HEADER),
        org.assertj.core.groups.Tuple.tuple("views", "duplicate column"),
        org.assertj.core.groups.Tuple.tuple("channel", "missing column"),
        org.assertj.core.groups.Tuple.tuple("watch_hours", "missing column"),
        org.assertj.core.groups.Tuple.tuple("currency", "missing column"));
  }

  @Test
  void an_empty_report_is_refused() {
    assertThat(read("").errors()).extracting(LineError::reason).singleElement().asString().contains("header line is required");
  }

  @Test
  void an_overlong_line_is_refused_without_being_buffered() {
    ValidationOutcome outcome = read(CsvFormat.HEADER + "\n" + "x".repeat(CsvFormat.MAX_LINE_CHARS + 10) + "\nE2,CN,SVOD,1,1,1,CNY\n");

    assertThat(outcome.errors()).extracting(LineError::lineNumber).containsExactly(2L);
    assertThat(lines).extracting(ReportLine::episode).containsExactly("E2");
  }

  @Test
  void errors_beyond_the_cap_are_counted_not_kept() {
    StringBuilder csv = new StringBuilder(CsvFormat.HEADER).append('\n');
    for (int i = 0; i < ErrorSink.MAX_KEPT + 5; i++) {
      csv.append("E,CN,SVOD,x,1,1,CNY\n");
    }
    ValidationOutcome outcome = read(csv.toString());

    assertThat(outcome.errors()).hasSize(ErrorSink.MAX_KEPT);
    assertThat(outcome.errorCount()).isEqualTo(ErrorSink.MAX_KEPT + 5);
    assertThat(outcome.errorsTruncated()).isTrue();
  }

  @Test
  void lines_given_as_objects_are_validated_by_the_same_rules() {
    ReportLineValidator validator = new ReportLineValidator("CNY");
    List<ReportLine> valid = new ArrayList<>();
    ValidationOutcome outcome = validator.validateAll(List.of(
        new ReportLineInput("E1", "CN", "SVOD", "10", "2.5", "300", "CNY"),
        new ReportLineInput("E2", null, "SVOD", "10", "2.5", null, "CNY")), valid::add);

    assertThat(valid).extracting(ReportLine::episode).containsExactly("E1");
    assertThat(outcome.errors()).containsExactly(
        new LineError(2, "territory", "must be an ISO 3166-1 alpha-2 code, not '(missing)'"),
        new LineError(2, "gross_minor", "must be a non-negative whole number, not '(missing)'"));
  }

  @Test
  void totals_add_exactly() {
    read(CsvFormat.HEADER + "\nE1,CN,SVOD,1,0.001,10,CNY\nE2,CN,SVOD,2,0.002,20,CNY\n");

    assertThat(ReportSummary.of("CNY", lines))
        .isEqualTo(new ReportSummary("CNY", 2, 3, new BigDecimal("0.003"), 30));
  }
}
