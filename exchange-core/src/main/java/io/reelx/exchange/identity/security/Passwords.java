package io.reelx.exchange.identity.security;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Password hashing (bcrypt) and the SHA-256 used for API token lookups. */
@Component
public class Passwords {

  private static final int BCRYPT_MAX_BYTES = 72;

  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

  public String hash(String password) {
    return bcrypt.encode(password);
  }

  /** bcrypt reads at most 72 bytes and refuses longer input; such a password matches nothing. */
  public boolean matches(String password, String hash) {
    return password.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES && bcrypt.matches(password, hash);
  }

  public void checkStrength(String password) {
    if (password == null || password.length() < 12) {
      throw new InvalidValue("password", "must be at least 12 characters");
    }
    if (password.length() > 128) {
      throw new InvalidValue("password", "must be at most 128 characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
      throw new InvalidValue("password", "must be at most " + BCRYPT_MAX_BYTES + " bytes in UTF-8");
    }
  }

  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
