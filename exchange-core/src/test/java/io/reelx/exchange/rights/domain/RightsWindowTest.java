package io.reelx.exchange.rights.domain;

import static io.reelx.exchange.rights.domain.Fixtures.term;
import static io.reelx.exchange.rights.domain.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import org.junit.jupiter.api.Test;

class RightsWindowTest {

  private final RightsWindow usVodEnglish2026 =
      window("US,CA", "VOD", "en,es", "2026-01-01", "2026-12-31");

  @Test
  void windows_overlap_only_when_all_four_dimensions_meet() {
    assertThat(usVodEnglish2026.overlaps(window("CA", "SVOD", "es", "2026-12-31", "2027-12-31")))
        .isTrue();
    assertThat(usVodEnglish2026.overlaps(window("MX", "SVOD", "es", "2026-06-01", "2026-06-30")))
        .isFalse();
    assertThat(usVodEnglish2026.overlaps(window("US", "TV", "es", "2026-06-01", "2026-06-30")))
        .isFalse();
    assertThat(usVodEnglish2026.overlaps(window("US", "SVOD", "fr", "2026-06-01", "2026-06-30")))
        .isFalse();
    assertThat(usVodEnglish2026.overlaps(window("US", "SVOD", "en", "2027-01-01", "2027-06-30")))
        .isFalse();
  }

  @Test
  void a_parent_media_grant_covers_its_children() {
    RightsWindow allMedia = window("US", "ALL_MEDIA", "en", "2026-01-01", "2026-12-31");
    RightsWindow fast = window("US", "FAST", "en", "2026-01-01", "2026-12-31");
    assertThat(allMedia.overlaps(fast)).isTrue();
    assertThat(allMedia.containsAll(fast)).isTrue();
    assertThat(fast.containsAll(allMedia)).isFalse();
  }

  @Test
  void the_intersection_is_the_shared_part_of_each_dimension() {
    assertThat(
            usVodEnglish2026.intersection(
                window("WORLD", "ALL_MEDIA", "es,zh", "2026-07-01", "2027-06-30")))
        .contains(window("US,CA", "VOD", "es", "2026-07-01", "2026-12-31"));
    assertThat(usVodEnglish2026.intersection(window("GB", "VOD", "en", "2026-01-01", "2026-12-31")))
        .isEmpty();
  }

  @Test
  void a_window_with_an_empty_dimension_is_refused() {
    assertThatThrownBy(
            () ->
                new RightsWindow(
                    TerritorySet.empty(),
                    MediaSet.of(Media.VOD),
                    LanguageSet.of("en"),
                    term("2026-01-01", "2026-01-02")))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("territories"));
  }
}
