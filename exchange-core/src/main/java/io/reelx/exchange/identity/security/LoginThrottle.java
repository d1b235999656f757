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
 * sees them. An attempt that will run the (slow) password check on a key that has failed before
 * is counted as a failure before the check, inside a row lock, so a burst of parallel guesses
 * cannot slip past the lock (see {@link #begin}); a success then deletes its keys' rows. Unknown usernames are counted like known ones, so the
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
  private final IdentityChanges changes;

  public LoginThrottle(
      JdbcClient jdbc,
      IdentityChanges changes,
      TransactionTemplate transactions,
      Clock clock,
      @Value("${reelx.login.user-free-failures:5}") int userFreeFailures,
      @Value("${reelx.login.address-free-failures:20}") int addressFreeFailures,
      @Value("${reelx.login.first-lock:PT1S}") Duration firstLock,
      @Value("${reelx.login.max-lock:PT15M}") Duration maxLock,
      @Value("${reelx.login.forget-after:PT1H}") Duration forgetAfter) {
    this.jdbc = jdbc;
    this.changes = changes;
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
    List<Row> rows = rows(keys.keys(), false);
    refuseIfLocked(rows, now);
    return !rows.isEmpty();
  }

  /** An attempt under way: which of its keys still count as failed should its check fail. */
  public record Attempt(Keys keys, List<String> uncounted) {}

  /**
   * Before the (slow) password check, inside row locks: refuses the attempt if one of its keys is
   * locked out meanwhile (say by another node), and counts it at once as a failure on every key
   * that has failed before, so a burst of parallel guesses meets the lock after its free ones. A
   * key with no failures on record is counted only once the check has failed: parallel first
   * logins of legitimate clients (many from one address) are never locked out by each other.
   */
  public Attempt begin(Keys keys) {
    return transactions.execute(tx -> {
      Instant now = clock.instant();
      Map<String, Row> rows = rows(keys.keys(), true).stream().collect(Collectors.toMap(Row::key, Function.identity()));
      refuseIfLocked(rows.values(), now);
      List<String> uncounted = new ArrayList<>();
      for (String key : keys.keys()) {
        if (rows.containsKey(key)) {
          count(keys, rows.get(key), now);
        } else {
          uncounted.add(key);
        }
      }
      return new Attempt(keys, List.copyOf(uncounted));
    });
  }

  /** The attempt's check failed: the keys not counted yet are counted now. */
  public void failed(Attempt attempt) {
    if (attempt.uncounted().isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(tx -> {
      Instant now = clock.instant();
      for (String key : attempt.uncounted()) {
        jdbc.sql("INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (?, 0, ?) ON CONFLICT DO NOTHING")
            .params(key, Timestamp.from(now))
            .update();
      }
      for (Row row : rows(attempt.uncounted(), true)) {
        count(attempt.keys(), row, now);
      }
    });
  }

  /** The attempt's check succeeded: its keys start afresh if anything was counted against them. */
  public void succeeded(Attempt attempt) {
    if (attempt.uncounted().size() < attempt.keys().keys().size()) {
      reset(attempt.keys());
    }
  }

  private void count(Keys keys, Row row, Instant now) {
    LoginThrottlePolicy policy = keys.isUser(row.key()) ? perUser : perAddress;
    int failures = policy.failuresAfterOneMore(row.failures(), row.lastFailure(), now);
    Timestamp lockedUntil = policy.lockFor(failures).map(lock -> Timestamp.from(now.plus(lock))).orElse(null);
    jdbc.sql("UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? WHERE key = ?")
        .params(failures, Timestamp.from(now), lockedUntil, row.key())
        .update();
    if (lockedUntil != null) {
      // remembered logins of this key must meet the lock too (other nodes: the trigger of V21)
      changes.changedHere();
    }
  }

  /** A successful login: its keys start afresh. */
  public void reset(Keys keys) {
    jdbc.sql("DELETE FROM login_throttle WHERE key IN (:keys)").param("keys", keys.keys()).update();
  }

  private List<Row> rows(List<String> keys, boolean forUpdate) {
    return jdbc.sql("SELECT key, failures, last_failure_at, locked_until FROM login_throttle WHERE key IN (:keys)"
            + (forUpdate ? " ORDER BY key FOR UPDATE" : ""))
        .param("keys", keys)
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
