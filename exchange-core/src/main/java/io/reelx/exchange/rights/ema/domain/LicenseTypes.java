package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.Media;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ReelX media leaves and EMA {@code LicenseType}. Every leaf has exactly one value written on export,
 * so no right is dropped: EMA's own values where EMA has the medium (SVOD; VOD for transactional),
 * documented {@code X-} extension values where it has not (AVOD, FAST, free and pay TV, short-video
 * apps, theatrical, inflight). On import EMA's EST and POEST are transactional too and read as
 * TVOD; a few common spellings of the extensions are accepted.
 */
public final class LicenseTypes {

  private static final Map<Media, String> WRITTEN = new EnumMap<>(Media.class);
  private static final Map<String, Media> READ = new LinkedHashMap<>();

  static {
    WRITTEN.put(Media.SVOD, "SVOD");
    WRITTEN.put(Media.TVOD, "VOD");
    WRITTEN.put(Media.AVOD, "X-AVOD");
    WRITTEN.put(Media.FAST, "X-FAST");
    WRITTEN.put(Media.FREE_TV, "X-FreeTV");
    WRITTEN.put(Media.PAY_TV, "X-PayTV");
    WRITTEN.put(Media.SHORT_VIDEO_APP, "X-ShortVideo");
    WRITTEN.put(Media.THEATRICAL, "X-Theatrical");
    WRITTEN.put(Media.INFLIGHT, "X-Inflight");
    WRITTEN.forEach((m, v) -> READ.put(v.toUpperCase(Locale.ROOT), m));
    READ.put("EST", Media.TVOD);
    READ.put("POEST", Media.TVOD);
    READ.put("TVOD", Media.TVOD);
    READ.put("AVOD", Media.AVOD);
    READ.put("FVOD", Media.AVOD);
    READ.put("FAST", Media.FAST);
  }

  private LicenseTypes() {}

  /** The EMA LicenseType written for a media leaf. */
  public static String of(Media leaf) {
    String value = WRITTEN.get(leaf);
    if (value == null) {
      throw new IllegalArgumentException(leaf + " is not a media leaf");
    }
    return value;
  }

  /** The media leaf a LicenseType stands for, case-insensitively, if it is one ReelX knows. */
  public static Optional<Media> parse(String licenseType) {
    return Optional.ofNullable(READ.get(licenseType.strip().toUpperCase(Locale.ROOT)));
  }

  /** Leaf -> the value written, in media order (for documentation and tests). */
  public static Map<Media, String> written() {
    return Collections.unmodifiableMap(WRITTEN);
  }

  /** Every accepted spelling on import. */
  public static Map<String, Media> accepted() {
    return Collections.unmodifiableMap(READ);
  }
}
