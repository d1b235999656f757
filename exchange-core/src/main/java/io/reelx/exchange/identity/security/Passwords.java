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

  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

  public String hash(String password) {
    return bcrypt.encode(password);
  }

  public boolean matches(String password, String hash) {
    return bcrypt.matches(password, hash);
  }

  public void checkStrength(String password) {
    if (password == null || password.length() < 12) {
      throw new InvalidValue("password", "must be at least 12 characters");
    }
    if (password.length() > 128) {
      throw new InvalidValue("password", "must be at most 128 characters");
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
