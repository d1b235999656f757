package io.reelx.exchange.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.web.forms.Refusals;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the report service's errors are placed on the report page. */
class PlatformPagesTest {

  @Test
  void csv_errors_are_listed_by_their_line_number_and_field() {
    Refusals problems = Refusals.none();
    problems.add("line 3: territory", "invalid-value", "must be an ISO 3166-1 alpha-2 code, not 'china'");
    problems.add("line 1", "invalid-value", "header: missing column views");
    problems.add("period", "invalid-value", "must be a month as YYYY-MM");
    assertThat(PlatformPages.csvLines(problems)).containsExactly(
        new PlatformPages.LineProblem(3, "territory", "must be an ISO 3166-1 alpha-2 code, not 'china'"),
        new PlatformPages.LineProblem(1, "", "header: missing column views"));
  }

  @Test
  void errors_of_lines_sent_are_named_by_their_row_in_the_form() {
    // rows 0 and 3 of the form were filled (1 and 2 blank, skipped): the second line sent is row 3
    List<Integer> rowOf = List.of(0, 3);
    assertThat(PlatformPages.rowField("lines[1].views", rowOf)).isEqualTo("lines[3].views");
    assertThat(PlatformPages.rowField("lines[0]", rowOf)).isEqualTo("lines[0]");
    assertThat(PlatformPages.rowField("period", rowOf)).isEqualTo("period");
    assertThat(PlatformPages.rowField(null, rowOf)).isNull();
  }
}
