package io.reelx.exchange.listing.command;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Idempotency keys in PostgreSQL, written in the same transaction as the command's events. */
@Component
public class JdbcIdempotencyKeys implements IdempotencyKeys {

  private final JdbcClient jdbc;
  private final Clock clock;

  public JdbcIdempotencyKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Inside a transaction, also takes the key's lock until it ends, so that a second request with
   * the same key waits for the first to commit and then finds its answer, instead of colliding on
   * the key.
   */
  @Override
  public Optional<String> answered(String scope, String key) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(scope + "\n" + key).query().listOfRows();
    return jdbc.sql("SELECT answer FROM idempotency_key WHERE scope = ? AND key = ?")
        .params(scope, key).query(String.class).optional();
  }

  @Override
  public void remember(String scope, String key, String answer) {
    jdbc.sql("INSERT INTO idempotency_key (scope, key, answer, created_at) VALUES (?,?,?,?)")
        .params(scope, key, answer, Timestamp.from(clock.instant())).update();
  }
}
