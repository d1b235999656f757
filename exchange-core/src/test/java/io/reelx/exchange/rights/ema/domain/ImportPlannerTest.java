package io.reelx.exchange.rights.ema.domain;

import static io.reelx.exchange.rights.ema.domain.Sheets.holding;
import static io.reelx.exchange.rights.ema.domain.Sheets.newTitleRow;
import static io.reelx.exchange.rights.ema.domain.Sheets.row;
import static io.reelx.exchange.rights.ema.domain.Sheets.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.ema.domain.HolderCatalogue.ExistingTitle;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportPlannerTest {

  private static HolderCatalogue catalogue(ExistingTitle... titles) {
    return new HolderCatalogue() {
      @Override
      public Optional<ExistingTitle> byId(String id) {
        return List.of(titles).stream().filter(t -> t.id().value().equals(id)).findFirst();
      }

      @Override
      public List<ExistingTitle> byName(String name) {
        return List.of(titles).stream().filter(t -> t.name().equals(name)).toList();
      }
    };
  }

  private static ImportPlan plan(HolderCatalogue catalogue, RawRow... rows) {
    ImportPlanner planner = new ImportPlanner(catalogue);
    for (RawRow r : rows) {
      planner.accept(r);
    }
    return planner.plan();
  }

  @Test
  void rows_of_a_new_title_become_one_holding_per_territories_with_the_same_licence_types() {
    ImportPlan plan = plan(catalogue(),
        newTitleRow(2, "CN", "SVOD", "2026-01-01", "2026-12-31", "zh", "Yes"),
        newTitleRow(3, "CN", "VOD", "2026-01-01", "2026-12-31", "zh", "Yes"),
        newTitleRow(4, "HK", "SVOD", "2026-01-01", "2026-12-31", "zh", "Yes"),
        newTitleRow(5, "HK", "VOD", "2026-01-01", "2026-12-31", "zh", "Yes"),
        newTitleRow(6, "MO", "X-ShortVideo", "2026-01-01", "2026-12-31", "zh", "Yes"));
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.newTitles()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("Moon River");
      assertThat(t.episodes()).isEqualTo(24);
    });
    assertThat(plan.holdings()).extracting(h -> h.window().toString()).containsExactly(
        "RightsWindow[territories=[CN, HK], media=[SVOD, TVOD], languages=[zh], term=[2026-01-01, 2026-12-31]]",
        "RightsWindow[territories=[MO], media=[SHORT_VIDEO_APP], languages=[zh], term=[2026-01-01, 2026-12-31]]");
    assertThat(plan.holdings()).allSatisfy(h -> assertThat(h.exclusive()).isTrue());
  }

  @Test
  void every_bad_row_is_reported_with_row_column_and_reason_and_nothing_is_planned() {
    ImportPlan plan = plan(catalogue(),
        newTitleRow(2, "XX", "SVOD", "2026-01-01", "2026-12-31", "zh", "Yes"),
        newTitleRow(3, "CN", "Streaming", "2026-01-01", "2026-12-31", "zh", "Yes"),
        newTitleRow(4, "CN", "SVOD", "2026-12-31", "2026-01-01", "zh", "Yes"),
        newTitleRow(5, "CN", "SVOD", "2026-02-30", "2026-12-31", "klingon", "Maybe"),
        newTitleRow(6, "HK", "SVOD", "2026-01-01", "2026-12-31", "zh", "Yes"),
        newTitleRow(7, "HK", "SVOD", "2026-06-01", "2026-07-31", "zh", "No"),
        newTitleRow(8, "HK\u0007", "SVOD", "2026-06-01", "2026-07-31", "zh", "No"));
    assertThat(plan.valid()).isFalse();
    assertThat(plan.holdings()).isEmpty();
    assertThat(plan.errors()).extracting(e -> e.row() + " " + e.column()).containsExactly(
        "2 Territory", "3 LicenseType", "4 End", "5 Start", "5 AllowedLanguages", "5 Exclusive", "7 Exclusive",
        "8 Territory");
    assertThat(plan.errors().get(0).reason()).contains("unknown territory 'XX'");
    assertThat(plan.errors().get(2).reason()).contains("before Start");
    assertThat(plan.errors().get(6).reason()).contains("contradicts row 6");
    assertThat(plan.errors().get(7).reason()).contains("control characters");
  }

  @Test
  void rows_an_existing_holding_already_covers_are_matched_not_recorded_again() {
    TitleId id = new TitleId("t-1");
    Holding held = holding("h", window("CN,HK", "SVOD", "zh", "2026-01-01", "2026-12-31"), true);
    ImportPlan plan = plan(catalogue(new ExistingTitle(id, "Moon River", List.of(held))),
        row(2, EmaColumn.CONTENT_ID, "t-1", EmaColumn.TERRITORY, "CN", EmaColumn.LICENSE_TYPE, "SVOD",
            EmaColumn.START, "2026-03-01", EmaColumn.END, "2026-12-31", EmaColumn.ALLOWED_LANGUAGES, "zh",
            EmaColumn.EXCLUSIVE, "Yes"),
        row(3, EmaColumn.CONTENT_ID, "t-1", EmaColumn.TERRITORY, "MO", EmaColumn.LICENSE_TYPE, "SVOD",
            EmaColumn.START, "2026-03-01", EmaColumn.END, "2026-12-31", EmaColumn.ALLOWED_LANGUAGES, "zh",
            EmaColumn.EXCLUSIVE, "Yes"));
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.rowsAlreadyRecorded()).isEqualTo(1);
    assertThat(plan.newTitles()).isEmpty();
    assertThat(plan.holdings()).singleElement().satisfies(h -> {
      assertThat(h.titleId()).isEqualTo(id);
      assertThat(h.window().territories().codes()).containsExactly("MO");
      assertThat(h.rows()).containsExactly(3);
    });
  }

  @Test
  void a_title_is_found_by_name_when_the_content_id_is_another_exchanges() {
    TitleId id = new TitleId("t-1");
    ImportPlan plan = plan(catalogue(new ExistingTitle(id, "Moon River", List.of())),
        row(2, EmaColumn.CONTENT_ID, "elsewhere-42", EmaColumn.TITLE, "Moon River", EmaColumn.TERRITORY, "GREATER_CHINA",
            EmaColumn.LICENSE_TYPE, "EST", EmaColumn.START, "2026-01-01", EmaColumn.END, "2026-12-31",
            EmaColumn.ALLOWED_LANGUAGES, "zh; en", EmaColumn.EXCLUSIVE, "no"));
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.holdings()).singleElement().satisfies(h -> {
      assertThat(h.titleId()).isEqualTo(id);
      assertThat(h.window().territories().codes()).containsExactly("CN", "HK", "MO", "TW");
      assertThat(h.window().languages().codes()).containsExactly("en", "zh");
      assertThat(h.exclusive()).isFalse();
    });
  }

  @Test
  void not_held_rows_name_a_title_without_recording_rights() {
    ImportPlan plan = plan(catalogue(), row(2, EmaColumn.TITLE, "Moon River", EmaColumn.TITLE_KIND, "FILM",
        EmaColumn.EPISODE_MINUTES, "95", EmaColumn.ORIGINAL_LANGUAGE, "zh", EmaColumn.RELEASE_YEAR, "2024",
        EmaColumn.AVAIL_STATUS, "NotHeld"));
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.rowsWithoutRights()).isEqualTo(1);
    assertThat(plan.newTitles()).hasSize(1);
    assertThat(plan.holdings()).isEmpty();
  }

  @Test
  void a_new_title_needs_what_registering_it_needs() {
    ImportPlan plan = plan(catalogue(), row(2, EmaColumn.TITLE, "Moon River", EmaColumn.TERRITORY, "CN",
        EmaColumn.LICENSE_TYPE, "SVOD", EmaColumn.START, "2026-01-01", EmaColumn.END, "2026-12-31",
        EmaColumn.ALLOWED_LANGUAGES, "zh", EmaColumn.EXCLUSIVE, "Yes"));
    assertThat(plan.errors()).extracting(RowError::column)
        .contains("TitleKind", "EpisodeRuntimeMinutes", "ReleaseYear", "OriginalLanguage");
  }
}
