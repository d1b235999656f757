package io.reelx.exchange.shared.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys in PostgreSQL ({@code idempotent_request}): the key and fingerprint are written
 * in the transaction of the change they guard; the response is added once it has been given.
 *
 * <p>A key's claim holds a transaction-scoped advisory lock, taken without waiting: a concurrent
 * request with the same key is told so at once and waits for the first one's answer outside every
 * transaction (a wait inside one could deadlock with the aggregate locks a bid batch holds).
 */
@Component
public class JdbcIdempotencyKeys implements IdempotencyKeys {

  /** The first request under a key, and its response once given (status null until then). */
  public record First(String fingerprint, String answer, Integer status, String location, String body) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public JdbcIdempotencyKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void claim(KeyedRequest request) {
    if (!tryLock(request)) {
      throw new KeyAlreadyUsed(request.key(), null);
    }
    Optional<First> first = first(request.owner(), request.key());
    if (first.isPresent()) {
      if (!first.get().fingerprint().equals(request.fingerprint())) {
        throw new KeyReused(request.key());
      }
      throw new KeyAlreadyUsed(request.key(), first.get().answer());
    }
  }

  @Override
  public void remember(KeyedRequest request, String answer) {
    jdbc.sql("INSERT INTO idempotent_request (owner, key, fingerprint, answer, created_at) VALUES (?,?,?,?,?)")
        .params(request.owner(), request.key(), request.fingerprint(), answer, Timestamp.from(clock.instant()))
        .update();
  }

  /** The first request under the key, as committed. */
  public Optional<First> first(String owner, String key) {
    return jdbc.sql("SELECT fingerprint, answer, status, location, body FROM idempotent_request WHERE owner = ? AND key = ?")
        .params(owner, key)
        .query((rs, n) -> new First(rs.getString("fingerprint"), rs.getString("answer"),
            (Integer) rs.getObject("status"), rs.getString("location"), rs.getString("body")))
        .optional();
  }

  /** Whether a transaction holds the key right now (outside a transaction: looked at, not kept). */
  public boolean inProgress(KeyedRequest request) {
    return !tryLock(request);
  }

  /**
   * Keeps the response given to the first request (a request that changed nothing under its key
   * leaves a row of its own); the first response stays.
   */
  public void answered(KeyedRequest request, int status, String location, String body) {
    jdbc.sql("INSERT INTO idempotent_request (owner, key, fingerprint, status, location, body, created_at)"
            + " VALUES (?,?,?,?,?,?,?) ON CONFLICT (owner, key) DO UPDATE"
            + " SET status = EXCLUDED.status, location = EXCLUDED.location, body = EXCLUDED.body"
            + " WHERE idempotent_request.status IS NULL AND idempotent_request.fingerprint = EXCLUDED.fingerprint")
        .params(request.owner(), request.key(), request.fingerprint(), status, location, body,
            Timestamp.from(clock.instant()))
        .update();
  }

  private boolean tryLock(KeyedRequest request) {
    return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))")
        .param(request.lockName()).query(Boolean.class).single());
  }
}
