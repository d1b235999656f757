package io.reelx.exchange.identity.security;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Authenticates HTTP Basic (bcrypt-hashed passwords) and bearer API tokens (looked up by their
 * SHA-256) against the identity registers. The realm checks the credential itself, because the
 * two kinds are verified differently; Shiro's matcher then only confirms the realm's verdict.
 *
 * <p>A credential checked once is remembered, so the requests after it read nothing from the
 * database (issue 17: the lookups cost more than the rest of a request): a token by its SHA-256,
 * a Basic pair for five minutes by a SHA-256 of the pair and a secret of this node (never the
 * password itself). An entry counts only while {@link IdentityChanges} says nothing it depends on
 * changed: a token revoked, a user disabled, a password changed or a login lock set drops it at
 * once on the node that made the change and within a second on every other. Failed logins are
 * throttled per username and client address ({@link LoginThrottle}) and audited
 * ({@link LoginFailures}); a remembered credential is no guess and skips the throttle's read (a
 * lock, once set, drops the entries, and the next request meets it).
 */
public class ReelxRealm extends AuthorizingRealm {

  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 10_000;
  private static final int MAX_USERNAME = 40;
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final Passwords passwords;
  private final Clock clock;
  private final LoginThrottle throttle;
  private final LoginFailures failures;
  private final String dummyHash;
  private final IdentityChanges changes;
  /** Basic credentials checked, by {@link #basicKey}: the user and until when it is remembered. */
  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
  /** Tokens checked, by their SHA-256. */
  private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();
  /** Basic credentials being checked now, by {@link #basicKey}. */
  private final Map<String, java.util.concurrent.CompletableFuture<CurrentUser>> checking = new ConcurrentHashMap<>();
  private final String nodeSecret = java.util.UUID.randomUUID().toString();

  public ReelxRealm(
      JdbcClient jdbc, Passwords passwords, Clock clock, LoginThrottle throttle, LoginFailures failures,
      IdentityChanges changes) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.passwords = passwords;
    this.clock = clock;
    this.throttle = throttle;
    this.failures = failures;
    this.dummyHash = passwords.hash(java.util.UUID.randomUUID().toString());
    setCredentialsMatcher((token, info) -> true);
    setAuthenticationCachingEnabled(false);
    setAuthorizationCachingEnabled(false);
  }

  @Override
  public boolean supports(AuthenticationToken token) {
    return token instanceof UsernamePasswordToken || token instanceof BearerToken;
  }

  @Override
  protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
    CurrentUser user;
    if (token instanceof BearerToken bearer) {
      user = byToken(bearer);
    } else if (token instanceof UsernamePasswordToken basic) {
      user = byPassword(basic);
    } else {
      throw new AuthenticationException("Unsupported credential");
    }
    return new SimpleAuthenticationInfo(user, token.getCredentials(), getName());
  }

  @Override
  protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
    CurrentUser user = principals.oneByType(CurrentUser.class);
    return new SimpleAuthorizationInfo(
        user.roles().stream().map(Enum::name).collect(Collectors.toSet()));
  }

  private CurrentUser byPassword(UsernamePasswordToken basic) {
    if (basic.getUsername() == null || basic.getPassword() == null) {
      throw new IncorrectCredentialsException();
    }
    String username = basic.getUsername();
    String password = new String(basic.getPassword());
    String key = basicKey(username, password);
    Instant now = clock.instant();
    Remembered remembered = verified.get(key);
    if (remembered != null && remembered.until().isAfter(now) && changes.current(remembered.generation())) {
      return remembered.user();
    }
    // one bcrypt per credential at a time: a client opening many connections at once (or all
    // clients after a change) would otherwise run one each (seen in the benchmark: a storm of
    // them for seconds); the others wait for its verdict, and check for themselves if it failed
    java.util.concurrent.CompletableFuture<CurrentUser> mine = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<CurrentUser> running = checking.putIfAbsent(key, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
        return checkPassword(basic, username, password, key, remembered, clock.instant());
      }
    }
    try {
      CurrentUser user = checkPassword(basic, username, password, key, remembered, now);
      mine.complete(user);
      return user;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      checking.remove(key, mine);
    }
  }

  private CurrentUser checkPassword(
      UsernamePasswordToken basic, String username, String password, String key, Remembered remembered,
      Instant now) {
    long generation = changes.generation();
    LoginThrottle.Keys keys = LoginThrottle.keys(username, basic.getHost());
    throttle.check(keys);
    Optional<Row> row = username.length() > MAX_USERNAME || !LoginFailures.printable(username).equals(username)
        ? Optional.empty()
        : jdbc.sql(
                "SELECT u.id, u.username, u.organization_id, u.roles, c.password_hash, u.disabled_at"
                    + " FROM app_user u JOIN credential c ON c.user_id = u.id WHERE u.username = ?")
            .param(username)
            .query(ReelxRealm::row)
            .optional();
    if (remembered != null && remembered.until().isAfter(now) && row.isPresent() && !row.get().disabled()
        && row.get().secret().equals(remembered.passwordHash())) {
      // remembered, but the node could not tell whether anything changed (its generation moved, or
      // its last read of the change counter is too old): the row says the password is the same and
      // the user enabled, so no second bcrypt (a burst of them on every change would be costly)
      remember(verified, key, new Remembered(row.get().user(), remembered.until(), null, row.get().secret(),
          generation));
      return row.get().user();
    }
    LoginThrottle.Attempt attempt = throttle.begin(keys);
    // An unknown user costs one bcrypt like a known one, so timing does not reveal which exist.
    boolean matches = passwords.matches(password, row.map(Row::secret).orElse(dummyHash));
    if (row.isEmpty() || !matches || row.get().disabled()) {
      failures.record("basic", username, basic.getHost(),
          row.isEmpty() ? LoginFailures.Reason.UNKNOWN_USER
              : !matches ? LoginFailures.Reason.WRONG_PASSWORD
              : LoginFailures.Reason.USER_DISABLED);
      throttle.failed(attempt);
      throw new IncorrectCredentialsException();
    }
    throttle.succeeded(attempt);
    remember(verified, key,
        new Remembered(row.get().user(), now.plus(REMEMBER), null, row.get().secret(), generation));
    return row.get().user();
  }

  /**
   * A token is looked up once and then remembered (see the class comment), so a revoked token (or
   * one of a disabled user) fails at once on this node and within a second on every other. When
   * it was last used is written at most once a minute.
   */
  private CurrentUser byToken(BearerToken bearer) {
    String sha256 = Passwords.sha256(bearer.getToken());
    Instant now = clock.instant();
    Remembered remembered = tokens.get(sha256);
    if (remembered != null && remembered.until().isAfter(now) && changes.current(remembered.generation())) {
      touch(remembered, now);
      return remembered.user();
    }
    long generation = changes.generation();
    LoginThrottle.Keys keys = LoginThrottle.keys(null, bearer.getHost());
    boolean failedBefore = throttle.check(keys);
    Optional<Remembered> row = jdbc.sql(
            "SELECT u.id, u.username, u.organization_id, u.roles, t.id, t.last_used_at, t.expires_at"
                + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
                + " WHERE t.token_sha256 = ? AND t.expires_at > ? AND t.revoked_at IS NULL"
                + " AND u.disabled_at IS NULL")
        .params(sha256, Timestamp.from(now))
        .query((rs, n) -> {
          Row user = row(rs, n);
          Remembered token =
              new Remembered(user.user(), rs.getTimestamp(7).toInstant(), user.secret(), null, generation);
          token.lastUsed.set(user.at() == null ? Instant.EPOCH : user.at());
          return token;
        })
        .optional();
    if (row.isEmpty()) {
      throttle.failed(throttle.begin(keys));
      failures.record("bearer", null, bearer.getHost(), LoginFailures.Reason.UNKNOWN_TOKEN);
      throw new IncorrectCredentialsException();
    }
    if (failedBefore) {
      throttle.reset(keys);
    }
    touch(row.get(), now);
    remember(tokens, sha256, row.get());
    return row.get().user();
  }

  /** Writes when the token was last used, at most once a minute per token (and per node). */
  private void touch(Remembered token, Instant now) {
    Instant lastUsed = token.lastUsed.get();
    if (lastUsed.isBefore(now.minus(LAST_USED_PRECISION)) && token.lastUsed.compareAndSet(lastUsed, now)) {
      jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
          .params(Timestamp.from(now), token.tokenId())
          .update();
    }
  }

  /** A SHA-256 of the pair and this node's secret: the password itself is never kept. */
  private String basicKey(String username, String password) {
    return Passwords.sha256(nodeSecret + '\u0000' + username + '\u0000' + password);
  }

  private static void remember(Map<String, Remembered> cache, String key, Remembered entry) {
    if (cache.size() >= MAX_REMEMBERED) {
      cache.clear();
    }
    cache.put(key, entry);
  }

  /**
   * A credential checked: its user, until when it may be used without another check (a token's
   * expiry), the token's id or the password's bcrypt hash (the other null), and the
   * {@link IdentityChanges} generation it was read in.
   */
  private record Remembered(
      CurrentUser user, Instant until, String tokenId, String passwordHash, long generation,
      java.util.concurrent.atomic.AtomicReference<Instant> lastUsed) {
    Remembered(CurrentUser user, Instant until, String tokenId, String passwordHash, long generation) {
      this(user, until, tokenId, passwordHash, generation,
          new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH));
    }
  }

  /** A user with its password hash (or token id) and its disabled (or token last used) time. */
  private record Row(CurrentUser user, String secret, Instant at) {
    boolean disabled() {
      return at != null;
    }
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
    return new Row(
        new CurrentUser(
            new UserId(rs.getString(1)),
            rs.getString(2),
            new OrganizationId(rs.getString(3)),
            Set.copyOf(roles)),
        rs.getString(5),
        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());
  }
}
