package io.reelx.exchange.identity.security;

import io.reelx.exchange.identity.domain.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets behind the identity events, kept as rows outside the event log: password hashes
 * (bcrypt) and API tokens (only their SHA-256). The realm reads them; the identity service writes
 * them in the transaction of the command that needs them.
 */
@Component
public class Credentials {

  private final JdbcClient jdbc;

  public Credentials(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new user's first password hash. */
  public void storePassword(UserId user, String passwordHash, Instant at) {
    jdbc.sql("INSERT INTO credential (user_id, password_hash, changed_at) VALUES (?,?,?)")
        .params(user.value(), passwordHash, Timestamp.from(at))
        .update();
  }

  /** An issued token, by the SHA-256 of its secret. */
  public void storeToken(String tokenId, UserId user, String name, String tokenSha256, Instant createdAt, Instant expiresAt) {
    jdbc.sql("INSERT INTO api_token (id, user_id, name, token_sha256, created_at, expires_at) VALUES (?,?,?,?,?,?)")
        .params(tokenId, user.value(), name, tokenSha256, Timestamp.from(createdAt), Timestamp.from(expiresAt))
        .update();
  }

  /** Revokes one token; one already revoked keeps its first revocation time. */
  public void revokeToken(String tokenId, Instant at) {
    jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .params(Timestamp.from(at), tokenId)
        .update();
  }

  /** Revokes every live token of the user. */
  public void revokeTokensOf(UserId user, Instant at) {
    jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .params(Timestamp.from(at), user.value())
        .update();
  }
}
