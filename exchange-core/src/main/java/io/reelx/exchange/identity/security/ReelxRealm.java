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
 * (keyed by a SHA-256 of the credential pair, never the password itself).
 */
public class ReelxRealm extends AuthorizingRealm {

  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 10_000;

  private final JdbcClient jdbc;
  private final Passwords passwords;
  private final Clock clock;
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  public ReelxRealm(JdbcClient jdbc, Passwords passwords, Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
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
      user = byToken(bearer.getToken());
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
    String password = new String(basic.getPassword());
    Optional<Row> row =
        jdbc.sql(
                "SELECT u.id, u.username, u.organization_id, u.roles, c.password_hash"
                    + " FROM app_user u JOIN credential c ON c.user_id = u.id WHERE u.username = ?")
            .param(basic.getUsername())
            .query(ReelxRealm::row)
            .optional();
    if (row.isEmpty()) {
      throw new IncorrectCredentialsException();
    }
    String key = Passwords.sha256(basic.getUsername() + '\u0000' + password + '\u0000' + row.get().secret());
    Instant now = clock.instant();
    Instant until = verified.get(key);
    if (until == null || until.isBefore(now)) {
      if (!passwords.matches(password, row.get().secret())) {
        throw new IncorrectCredentialsException();
      }
      if (verified.size() > MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(key, now.plus(REMEMBER));
    }
    return row.get().user();
  }

  private CurrentUser byToken(String token) {
    return jdbc.sql(
            "SELECT u.id, u.username, u.organization_id, u.roles, t.token_sha256"
                + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
                + " WHERE t.token_sha256 = ? AND t.expires_at > ?")
        .params(Passwords.sha256(token), Timestamp.from(clock.instant()))
        .query(ReelxRealm::row)
        .optional()
        .map(Row::user)
        .orElseThrow(IncorrectCredentialsException::new);
  }

  private record Row(CurrentUser user, String secret) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
    return new Row(
        new CurrentUser(
            new UserId(rs.getString(1)),
            rs.getString(2),
            new OrganizationId(rs.getString(3)),
            Set.copyOf(roles)),
        rs.getString(5));
  }
}
