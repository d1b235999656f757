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
 * <p>bcrypt is deliberately slow, so a successful Basic check is remembered for a short while
 * (keyed by a SHA-256 of the credential pair, never the password itself); whether the user is
 * disabled is read from the database on every request all the same. Failed logins are throttled
 * per username and client address ({@link LoginThrottle}) and audited ({@link LoginFailures}).
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
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  public ReelxRealm(
      JdbcClient jdbc, Passwords passwords, Clock clock, LoginThrottle throttle, LoginFailures failures) {
    this.jdbc = jdbc;
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
    LoginThrottle.Keys keys = LoginThrottle.keys(username, basic.getHost());
    boolean failedBefore = throttle.check(keys);
    Optional<Row> row = username.length() > MAX_USERNAME || !LoginFailures.printable(username).equals(username)
        ? Optional.empty()
        : jdbc.sql(
                "SELECT u.id, u.username, u.organization_id, u.roles, c.password_hash, u.disabled_at"
                    + " FROM app_user u JOIN credential c ON c.user_id = u.id WHERE u.username = ?")
            .param(username)
            .query(ReelxRealm::row)
            .optional();
    Instant now = clock.instant();
    String key = row.map(r -> Passwords.sha256(username + '\u0000' + password + '\u0000' + r.secret())).orElse(null);
    Instant until = key == null ? null : verified.get(key);
    if (until != null && until.isAfter(now) && !row.get().disabled()) {
      if (failedBefore) {
        throttle.reset(keys);
      }
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
    if (verified.size() > MAX_REMEMBERED) {
      verified.clear();
    }
    verified.put(key, now.plus(REMEMBER));
    return row.get().user();
  }

  /**
   * Every request looks its token up in the database, so a revoked token (or one of a disabled
   * user) fails at once on every node. When it was last used is written at most once a minute.
   */
  private CurrentUser byToken(BearerToken bearer) {
    LoginThrottle.Keys keys = LoginThrottle.keys(null, bearer.getHost());
    boolean failedBefore = throttle.check(keys);
    Instant now = clock.instant();
    Optional<Row> row = jdbc.sql(
            "SELECT u.id, u.username, u.organization_id, u.roles, t.id, t.last_used_at"
                + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
                + " WHERE t.token_sha256 = ? AND t.expires_at > ? AND t.revoked_at IS NULL"
                + " AND u.disabled_at IS NULL")
        .params(Passwords.sha256(bearer.getToken()), Timestamp.from(now))
        .query(ReelxRealm::row)
        .optional();
    if (row.isEmpty()) {
      throttle.failed(throttle.begin(keys));
      failures.record("bearer", null, bearer.getHost(), LoginFailures.Reason.UNKNOWN_TOKEN);
      throw new IncorrectCredentialsException();
    }
    if (failedBefore) {
      throttle.reset(keys);
    }
    Instant lastUsed = row.get().at();
    if (lastUsed == null || lastUsed.isBefore(now.minus(LAST_USED_PRECISION))) {
      jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
          .params(Timestamp.from(now), row.get().secret())
          .update();
    }
    return row.get().user();
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
