package io.reelx.exchange.rights.domain;

import static io.reelx.exchange.rights.domain.Media.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTest {

  @Test
  void all_media_is_the_root_and_every_top_level_media_hangs_from_it() {
    assertThat(ALL_MEDIA.parent()).isNull();
    assertThat(TV.parent()).isEqualTo(ALL_MEDIA);
    assertThat(SHORT_VIDEO_APP.parent()).isEqualTo(ALL_MEDIA);
    assertThat(FAST.parent()).isEqualTo(VOD);
    assertThat(PAY_TV.parent()).isEqualTo(TV);
  }

  @Test
  void a_leaf_stands_for_itself_and_a_parent_for_its_leaves() {
    assertThat(SVOD.leaves()).containsExactly(SVOD);
    assertThat(TV.leaves()).containsExactly(FREE_TV, PAY_TV);
    assertThat(VOD.leaves()).containsExactly(SVOD, AVOD, TVOD, FAST);
    assertThat(ALL_MEDIA.leaves())
        .containsExactly(
            FREE_TV, PAY_TV, SVOD, AVOD, TVOD, FAST, SHORT_VIDEO_APP, THEATRICAL, INFLIGHT);
  }

  @Test
  void a_parent_covers_itself_and_its_descendants_but_not_siblings_or_ancestors() {
    assertThat(VOD.covers(VOD)).isTrue();
    assertThat(VOD.covers(AVOD)).isTrue();
    assertThat(ALL_MEDIA.covers(PAY_TV)).isTrue();
    assertThat(VOD.covers(PAY_TV)).isFalse();
    assertThat(SVOD.covers(VOD)).isFalse();
    assertThat(SVOD.covers(AVOD)).isFalse();
  }
}
