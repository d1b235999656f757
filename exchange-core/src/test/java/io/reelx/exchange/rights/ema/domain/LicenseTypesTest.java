package io.reelx.exchange.rights.ema.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import java.util.HashSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LicenseTypesTest {

  @Test
  void every_media_leaf_is_written_as_one_licence_type_so_nothing_is_dropped() {
    assertThat(LicenseTypes.written().keySet()).containsExactlyInAnyOrderElementsOf(MediaSet.of(Media.ALL_MEDIA).leaves());
    assertThat(new HashSet<>(LicenseTypes.written().values())).hasSize(LicenseTypes.written().size());
  }

  @Test
  void what_is_written_reads_back_as_the_same_leaf() {
    LicenseTypes.written().forEach((leaf, value) -> assertThat(LicenseTypes.parse(value)).contains(leaf));
  }

  @Test
  void ema_values_map_to_reelx_media_and_media_ema_lacks_get_extension_values() {
    assertThat(LicenseTypes.of(Media.SVOD)).isEqualTo("SVOD");
    assertThat(LicenseTypes.of(Media.TVOD)).isEqualTo("VOD");
    assertThat(LicenseTypes.of(Media.AVOD)).isEqualTo("X-AVOD");
    assertThat(LicenseTypes.of(Media.FREE_TV)).isEqualTo("X-FreeTV");
    assertThat(LicenseTypes.of(Media.SHORT_VIDEO_APP)).isEqualTo("X-ShortVideo");
    assertThat(LicenseTypes.parse("est")).contains(Media.TVOD);
    assertThat(LicenseTypes.parse("POEST")).contains(Media.TVOD);
    assertThat(LicenseTypes.parse("Streaming")).isEqualTo(Optional.empty());
  }
}
