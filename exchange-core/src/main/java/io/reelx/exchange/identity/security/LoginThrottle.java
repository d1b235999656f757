package io.reelx.exchange.identity.security;

import io.reelx.exchange.identity.domain.LoginThrottlePolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins in a row per username and per client address, in PostgreSQL so that every node
 * sees them. An attempt that will run the (slow) password check is counted as a failure before
 * the check, inside a row lock, so a burst of parallel guesses cannot slip past the lock; a
 * success then deletes its keys' rows. Unknown usernames are counted like known ones, so the
 * throttle does not tell which exist. Time is the injected clock's.
 */
@Component
public class LoginThrottle {

  private static final int MAX_KEY = 120;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final LoginThrottlePolicy perUser;
  private final LoginThrottlePolicy perAddress;

  public LoginThrottle(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Clock clock,
      @Value("${reelx.login.user-free-failures:5}") int userFreeFailures,
      @Value("${reelx.login.address-free-failures:20}") int addressFreeFailures,
      @Value("${reelx.login.first-lock:PT1S}") Duration firstLock,
      @Value("${reelx.login.max-lock:PT15M}") Duration maxLock,
      @Value("${reelx.login.forget-after:PT1H}") Duration forgetAfter) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.perUser = new LoginThrottlePolicy(userFreeFailures, firstLock, maxLock, forgetAfter);
    this.perAddress = new LoginThrottlePolicy(addressFreeFailures, firstLock, maxLock, forgetAfter);
  }

  /** The keys of one login attempt: its username (if it gave one) and its client address. */
  public record Keys(List<String> keys) {
    boolean isUser(String key) {
      return key.startsWith("user:");
    }
  }

  public static Keys keys(String username, String address) {
    List<String> keys = new ArrayList<>(2);
    if (username != null) {
      keys.add(cut("user:" + LoginFailures.printable(username.toLowerCase(java.util.Locale.ROOT))));
    }
    keys.add(cut("address:" + LoginFailures.printable(address == null ? "unknown" : address)));
    return new Keys(List.copyOf(keys));
  }

  /**
   * Refuses the attempt if one of its keys is locked out now; otherwise says whether any of them
   * has failures on record (which a success must clear). One indexed read, no write.
   */
  public boolean check(Keys keys) {
    Instant now = clock.instant();
    List<Row> rows = rows(keys, false);
    refuseIfLocked(rows, now);
    return !rows.isEmpty();
  }

  /**
   * Counts the attempt as a failure before its password is checked, locking a key out once it
   * has had its free failures; refused if a key is locked out meanwhile (another node's attempt).
   */
  public void countAttempt(Keys keys) {
    transactions.executeWithoutResult(tx -> {
      Instant now = clock.instant();
      Map<String, Row> rows = rows(keys, true).stream().collect(Collectors.toMap(Row::key, Function.identity()));
      refuseIfLocked(rows.values(), now);
      for (String key : keys.keys()) {
        LoginThrottlePolicy policy = keys.isUser(key) ? perUser : perAddress;
        Row row = rows.get(key);
        int failures = row == null ? 1 : policy.failuresAfterOneMore(row.failures(), row.lastFailure(), now);
        Timestamp lockedUntil = policy.lockFor(failures).map(lock -> Timestamp.from(now.plus(lock))).orElse(null);
        if (row != null) {
          jdbc.sql("UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? WHERE key = ?")
              .params(failures, Timestamp.from(now), lockedUntil, key)
              .update();
        } else {
          jdbc.sql("INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES (?,?,?,?)"
                  + " ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1,"
                  + " last_failure_at = EXCLUDED.last_failure_at")
              .params(key, failures, Timestamp.from(now), lockedUntil)
              .update();
        }
      }
    });
  }

  /** A successful login: its keys start afresh. */
  public void reset(Keys keys) {
    jdbc.sql("DELETE FROM login_throttle WHERE key IN (:keys)").param("keys", keys.keys()).update();
  }

  private List<Row> rows(Keys keys, boolean forUpdate) {
    return jdbc.sql("SELECT key, failures, last_failure_at, locked_until FROM login_throttle WHERE key IN (:keys)"
            + (forUpdate ? " ORDER BY key FOR UPDATE" : ""))
        .param("keys", keys.keys())
        .query((rs, n) -> new Row(
            rs.getString(1),
            rs.getInt(2),
            rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
        .list();
  }

  private static void refuseIfLocked(java.util.Collection<Row> rows, Instant now) {
    rows.stream()
        .map(Row::lockedUntil)
        .filter(until -> until != null && until.isAfter(now))
        .max(Instant::compareTo)
        .ifPresent(until -> {
          throw new LoginThrottled(LoginThrottlePolicy.retryAfterSeconds(until, now));
        });
  }

  private static String cut(String key) {
    return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
  }

  private record Row(String key, int failures, Instant lastFailure, Instant lockedUntil) {}
}
