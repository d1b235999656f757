package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rights a holder has in a title, with the SHA-256 of the chain-of-title document as evidence. Only
 * an exclusive holding can back an exclusive licence, and only a sublicensable one a sublicensable
 * licence.
 */
public record Holding(
    HoldingId id,
    RightsWindow window,
    boolean exclusive,
    boolean sublicensable,
    String evidenceSha256) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Holding {
    if (id == null) {
      throw new InvalidValue("id", "is required");
    }
    if (window == null) {
      throw new InvalidValue("window", "is required");
    }
    String hash = evidenceSha256 == null ? "" : evidenceSha256.trim();
    // the stored form passes without a regex or a copy: an avails check reads many holdings
    if (!lowerHex64(hash)) {
      hash = hash.toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(hash).matches()) {
        throw new InvalidValue("evidenceSha256", "must be a SHA-256 digest: 64 hexadecimal digits");
      }
    }
    evidenceSha256 = hash;
  }

  private static boolean lowerHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
