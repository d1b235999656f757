package io.reelx.exchange.identity.security;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit of refused credentials: one row in {@code login_failure} (when, how, which username,
 * from which address, why) and one log line each, for operators. Passwords and tokens are never
 * recorded.
 */
@Component
public class LoginFailures {

  private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);
  private static final int MAX_USERNAME = 64;

  private final JdbcClient jdbc;
  private final Clock clock;

  public LoginFailures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Why a credential was refused, as stored in {@code login_failure.reason}. */
  public enum Reason {
    UNKNOWN_USER, WRONG_PASSWORD, USER_DISABLED, UNKNOWN_TOKEN;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public void record(String method, String username, String address, Reason reason) {
    String name = username == null ? null : cut(printable(username));
    String from = cut(printable(address == null ? "unknown" : address));
    jdbc.sql("INSERT INTO login_failure (at, method, username, address, reason) VALUES (?,?,?,?,?)")
        .params(Timestamp.from(clock.instant()), method, name, from, reason.code())
        .update();
    log.warn("Refused {} login{} from {}: {}", method, name == null ? "" : " as '" + name + "'", from, reason.code());
  }

  /** Control characters (PostgreSQL refuses NUL in text, logs must not be forged) become '?'. */
  static String printable(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    value.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return sb.toString();
  }

  private static String cut(String value) {
    return value.length() <= MAX_USERNAME ? value : value.substring(0, MAX_USERNAME);
  }
}
