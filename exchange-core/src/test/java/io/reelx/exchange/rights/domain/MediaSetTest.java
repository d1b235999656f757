package io.reelx.exchange.rights.domain;

import static io.reelx.exchange.rights.domain.Media.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaSetTest {

  @Test
  void a_parent_media_is_held_as_its_leaves() {
    assertThat(MediaSet.of(TV, SVOD).leaves()).containsExactly(FREE_TV, PAY_TV, SVOD);
    assertThat(MediaSet.of(VOD)).isEqualTo(MediaSet.of(SVOD, AVOD, TVOD, FAST));
  }

  @Test
  void the_leaves_cannot_be_changed_from_outside() {
    assertThatThrownBy(() -> MediaSet.of(TV).leaves().add(SVOD))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void compact_regroups_every_leaf_into_all_media() {
    assertThat(MediaSet.of(Arrays.asList(Media.values())).compact()).containsExactly(ALL_MEDIA);
    assertThat(MediaSet.of(TV, VOD, SHORT_VIDEO_APP, THEATRICAL, INFLIGHT).compact())
        .containsExactly(ALL_MEDIA);
  }

  @Test
  void compact_regroups_complete_families_and_keeps_lone_leaves_in_enum_order() {
    assertThat(MediaSet.of(INFLIGHT, FAST, TVOD, AVOD, SVOD, PAY_TV).compact())
        .containsExactly(PAY_TV, VOD, INFLIGHT);
    assertThat(MediaSet.of(FREE_TV, PAY_TV, SVOD).compact()).containsExactly(TV, SVOD);
    assertThat(MediaSet.empty().compact()).isEmpty();
  }

  @Test
  void parse_is_case_insensitive() {
    assertThat(MediaSet.parse(List.of("vod", " Pay_Tv "), "media"))
        .isEqualTo(MediaSet.of(VOD, PAY_TV));
  }

  @Test
  void parse_names_the_position_of_an_unknown_media() {
    assertThatThrownBy(() -> MediaSet.parse(List.of("SVOD", "RADIO"), "window.media"))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.field()).isEqualTo("window.media[1]");
              assertThat(e.reason()).contains("'RADIO'").contains("SHORT_VIDEO_APP");
            });
  }

  @Test
  void parse_refuses_no_media_at_all() {
    assertThatThrownBy(() -> MediaSet.parse(List.of(), "media"))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.field()).isEqualTo("media");
              assertThat(e.reason()).isEqualTo("at least one media");
            });
  }

  @Test
  void set_operations_work_on_leaves_so_a_parent_meets_its_children() {
    MediaSet vod = MediaSet.of(VOD);
    assertThat(vod.intersects(MediaSet.of(AVOD))).isTrue();
    assertThat(vod.intersects(MediaSet.of(TV))).isFalse();
    assertThat(vod.containsAll(MediaSet.of(SVOD, FAST))).isTrue();
    assertThat(MediaSet.of(SVOD).containsAll(vod)).isFalse();
    assertThat(vod.intersection(MediaSet.of(ALL_MEDIA))).isEqualTo(vod);
    assertThat(vod.minus(MediaSet.of(SVOD)).leaves()).containsExactly(AVOD, TVOD, FAST);
    assertThat(vod.minus(MediaSet.of(ALL_MEDIA)).isEmpty()).isTrue();
  }
}
