package io.reelx.exchange.rights.ema.domain;

import static io.reelx.exchange.rights.ema.domain.Sheets.holding;
import static io.reelx.exchange.rights.ema.domain.Sheets.title;
import static io.reelx.exchange.rights.ema.domain.Sheets.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.rights.domain.Grant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailsRowsTest {

  private final AvailsRows rows = new AvailsRows();

  private static String brief(AvailRow r) {
    return r.territory() + " " + r.licenseType() + " " + r.start() + ".." + r.end() + " " + r.allowedLanguages() + " "
        + r.status().label() + (r.contractId().isEmpty() ? "" : " " + r.contractId());
  }

  @Test
  void a_holding_is_one_row_per_territory_and_licence_type() {
    List<AvailRow> result = rows.rows(title("t1", List.of(holding("h1", window("CN,HK", "VOD", "zh", "2026-01-01",
        "2026-12-31"), true)), List.of()));
    assertThat(result).extracting(AvailsRowsTest::brief).containsExactly(
        "CN SVOD 2026-01-01..2026-12-31 [zh] Available", "CN X-AVOD 2026-01-01..2026-12-31 [zh] Available",
        "CN VOD 2026-01-01..2026-12-31 [zh] Available", "CN X-FAST 2026-01-01..2026-12-31 [zh] Available",
        "HK SVOD 2026-01-01..2026-12-31 [zh] Available", "HK X-AVOD 2026-01-01..2026-12-31 [zh] Available",
        "HK VOD 2026-01-01..2026-12-31 [zh] Available", "HK X-FAST 2026-01-01..2026-12-31 [zh] Available");
    assertThat(result.get(0).licensor()).isEqualTo("Lotus Pictures");
    assertThat(result.get(0).workType()).isEqualTo("Series");
    assertThat(result.get(0).exclusive()).isTrue();
  }

  @Test
  void a_grant_cuts_the_term_into_available_and_granted_rows_naming_the_contract() {
    Grant grant = new Grant("c-1", window("CN", "SVOD", "zh", "2026-04-01", "2026-06-30"), true);
    List<AvailRow> result = rows.rows(title("t1", List.of(holding("h1", window("CN", "SVOD", "zh,en", "2026-01-01",
        "2026-12-31"), true)), List.of(grant)));
    assertThat(result).extracting(AvailsRowsTest::brief).containsExactly(
        "CN SVOD 2026-01-01..2026-03-31 [en, zh] Available",
        "CN SVOD 2026-04-01..2026-06-30 [en] Available",
        "CN SVOD 2026-04-01..2026-06-30 [zh] Granted c-1",
        "CN SVOD 2026-07-01..2026-12-31 [en, zh] Available");
  }

  @Test
  void a_non_exclusive_grant_leaves_a_non_exclusive_holding_available() {
    Grant grant = new Grant("c-2", window("CN", "SVOD", "zh", "2026-04-01", "2026-06-30"), false);
    List<AvailRow> result = rows.rows(title("t1", List.of(holding("h1", window("CN", "SVOD", "zh", "2026-01-01",
        "2026-12-31"), false)), List.of(grant)));
    assertThat(result).extracting(AvailsRowsTest::brief).containsExactly(
        "CN SVOD 2026-01-01..2026-12-31 [zh] Available");
  }

  @Test
  void a_title_without_holdings_is_one_not_held_row() {
    List<AvailRow> result = rows.rows(title("t1", List.of(), List.of()));
    assertThat(result).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(AvailStatus.NOT_HELD);
      assertThat(r.territory()).isEmpty();
      assertThat(r.start()).isNull();
    });
  }

  @Test
  void the_same_rights_recorded_differently_give_the_same_rows() {
    var one = rows.rows(title("t1", List.of(holding("h1", window("CN,HK", "SVOD,TVOD", "zh", "2026-01-01",
        "2026-12-31"), true)), List.of()));
    var split = rows.rows(title("t1", List.of(
        holding("b", window("HK", "SVOD,TVOD", "zh", "2026-01-01", "2026-12-31"), true),
        holding("a", window("CN", "TVOD", "zh", "2026-01-01", "2026-12-31"), true),
        holding("c", window("CN", "SVOD", "zh", "2026-01-01", "2026-12-31"), true),
        holding("d", window("CN", "SVOD", "zh", "2026-01-01", "2026-12-31"), true)), List.of()));
    assertThat(split).isEqualTo(one);
  }

  @Test
  void segments_cut_where_grants_start_and_after_they_end_and_clip_to_the_term() {
    var granted = List.of(new io.reelx.exchange.rights.domain.GrantedElsewhere("c", true,
        window("CN", "SVOD", "zh", "2025-01-01", "2026-01-31")));
    assertThat(AvailsRows.segments(new io.reelx.exchange.rights.domain.Term(LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-03-31")), granted)).extracting(Object::toString)
        .containsExactly("[2026-01-01, 2026-01-31]", "[2026-02-01, 2026-03-31]");
  }
}
