package io.reelx.exchange.web;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.identity.security.Passwords;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browser sessions kept in PostgreSQL ({@code web_session}), so that any node on the database
 * serves any page request. The cookie holds a random 256-bit token; the table only its SHA-256.
 * Each session has its own CSRF token (synchroniser token), sent back by every state-changing
 * request. The user's roles and whether it is disabled are read on every request, so disabling a
 * user ends its page sessions at once. When a session was last seen is written at most once a
 * minute; a session unused for the idle timeout, or older than its lifetime, is over.
 */
@Component
public class PageSessions {

  private static final Duration TOUCH_PRECISION = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Duration lifetime;

  public PageSessions(JdbcClient jdbc, Clock clock,
      @Value("${reelx.web.session.idle-timeout:PT30M}") Duration idleTimeout,
      @Value("${reelx.web.session.lifetime:PT12H}") Duration lifetime) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.lifetime = lifetime;
  }

  /** A session found by its cookie token: who, its CSRF token. */
  public record Session(String tokenSha256, CurrentUser user, String csrfToken) {}

  /** A session just opened: the token for the cookie, and the session. */
  public record Opened(String token, Session session) {}

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public Opened open(CurrentUser user) {
    String token = randomToken();
    String csrf = randomToken();
    Instant now = clock.instant();
    String sha = Passwords.sha256(token);
    jdbc.sql("INSERT INTO web_session (token_sha256, user_id, csrf_token, created_at, last_seen_at)"
            + " VALUES (?, ?, ?, ?, ?)")
        .params(sha, user.userId().value(), csrf, Timestamp.from(now), Timestamp.from(now))
        .update();
    if (RANDOM.nextInt(64) == 0) {
      purgeExpired(now);
    }
    return new Opened(token, new Session(sha, user, csrf));
  }

  public Optional<Session> find(String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String sha = Passwords.sha256(token);
    Optional<Row> row = jdbc.sql(
            "SELECT u.id, u.username, u.organization_id, u.roles, s.csrf_token, s.last_seen_at"
                + " FROM web_session s JOIN app_user u ON u.id = s.user_id"
                + " WHERE s.token_sha256 = ? AND s.last_seen_at > ? AND s.created_at > ?"
                + " AND u.disabled_at IS NULL")
        .params(sha, Timestamp.from(now.minus(idleTimeout)), Timestamp.from(now.minus(lifetime)))
        .query((rs, n) -> {
          Set<Role> roles = EnumSet.noneOf(Role.class);
          Arrays.stream((String[]) rs.getArray(4).getArray()).map(Role::valueOf).forEach(roles::add);
          CurrentUser user = new CurrentUser(new UserId(rs.getString(1)), rs.getString(2),
              new OrganizationId(rs.getString(3)), Set.copyOf(roles));
          return new Row(new Session(sha, user, rs.getString(5)), rs.getTimestamp(6).toInstant());
        })
        .optional();
    row.filter(r -> r.lastSeen().isBefore(now.minus(TOUCH_PRECISION)))
        .ifPresent(r -> jdbc.sql("UPDATE web_session SET last_seen_at = ? WHERE token_sha256 = ?")
            .params(Timestamp.from(now), sha).update());
    return row.map(Row::session);
  }

  public void end(String token) {
    if (token != null) {
      jdbc.sql("DELETE FROM web_session WHERE token_sha256 = ?").param(Passwords.sha256(token)).update();
    }
  }

  private void purgeExpired(Instant now) {
    jdbc.sql("DELETE FROM web_session WHERE last_seen_at < ? OR created_at < ?")
        .params(Timestamp.from(now.minus(idleTimeout)), Timestamp.from(now.minus(lifetime)))
        .update();
  }

  private record Row(Session session, Instant lastSeen) {}

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
