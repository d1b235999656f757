package io.reelx.exchange.identity.query;

import io.reelx.exchange.identity.domain.OrganizationCreated;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserDisabled;
import io.reelx.exchange.identity.domain.UserEnabled;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.domain.UserRegistered;
import io.reelx.exchange.shared.command.Registers;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Organisations, users and API tokens as the rest of the exchange looks them up. Updated in the same
 * transaction as the events (subscribing group), so a user can log in as soon as it is created
 * and names stay unique.
 */
@Component
@ProcessingGroup(Registers.GROUP)
public class IdentityRegister {

  private final JdbcClient jdbc;

  public IdentityRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(OrganizationCreated e, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.sql("INSERT INTO organization (id, name, kind, country, created_at) VALUES (?,?,?,?,?)")
        .params(e.organizationId().value(), e.name(), e.kind().name(), e.country(), java.sql.Timestamp.from(at))
        .update();
  }

  @EventHandler
  void on(UserRegistered e, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.sql(
            "INSERT INTO app_user (id, username, display_name, organization_id, roles, created_at)"
                + " VALUES (?,?,?,?,?::text[],?)")
        .params(
            e.userId().value(),
            e.username(),
            e.displayName(),
            e.organizationId().value(),
            toArrayLiteral(e.roles().stream().map(Enum::name).sorted().toList()),
            java.sql.Timestamp.from(at))
        .update();
  }

  @EventHandler
  void on(UserDisabled e, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.sql("UPDATE app_user SET disabled_at = ? WHERE id = ?")
        .params(java.sql.Timestamp.from(at), e.userId().value())
        .update();
  }

  @EventHandler
  void on(UserEnabled e) {
    jdbc.sql("UPDATE app_user SET disabled_at = NULL WHERE id = ?").param(e.userId().value()).update();
  }

  /** The user's tokens that still work at {@code now} (neither revoked nor expired), newest first. */
  public List<ApiTokenView> liveTokens(UserId user, Instant now) {
    return jdbc.sql(
            "SELECT * FROM api_token WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?"
                + " ORDER BY created_at DESC, id")
        .params(user.value(), java.sql.Timestamp.from(now))
        .query(IdentityRegister::token)
        .list();
  }

  public Optional<ApiTokenView> token(String tokenId) {
    return jdbc.sql("SELECT * FROM api_token WHERE id = ?").param(tokenId).query(IdentityRegister::token).optional();
  }

  public Optional<OrganizationView> organization(OrganizationId id) {
    return jdbc.sql("SELECT * FROM organization WHERE id = ?")
        .param(id.value())
        .query(IdentityRegister::organization)
        .optional();
  }

  public boolean organizationNameTaken(String name) {
    return jdbc.sql("SELECT count(*) FROM organization WHERE lower(name) = lower(?)")
            .param(name)
            .query(Long.class)
            .single()
        > 0;
  }

  public List<OrganizationView> organizations() {
    return jdbc.sql("SELECT * FROM organization ORDER BY name").query(IdentityRegister::organization).list();
  }

  public Optional<UserView> user(UserId id) {
    return jdbc.sql("SELECT * FROM app_user WHERE id = ?").param(id.value()).query(IdentityRegister::user).optional();
  }

  public Optional<UserView> userByUsername(String username) {
    return jdbc.sql("SELECT * FROM app_user WHERE username = ?")
        .param(username)
        .query(IdentityRegister::user)
        .optional();
  }

  public List<UserView> users(Optional<OrganizationId> organization) {
    return organization
        .map(
            org ->
                jdbc.sql("SELECT * FROM app_user WHERE organization_id = ? ORDER BY username")
                    .param(org.value())
                    .query(IdentityRegister::user)
                    .list())
        .orElseGet(() -> jdbc.sql("SELECT * FROM app_user ORDER BY username").query(IdentityRegister::user).list());
  }

  static String toArrayLiteral(List<String> values) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append('}').toString();
  }

  static List<String> fromArray(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static OrganizationView organization(ResultSet rs, int row) throws SQLException {
    return new OrganizationView(
        new OrganizationId(rs.getString("id")),
        rs.getString("name"),
        OrganizationKind.valueOf(rs.getString("kind")),
        rs.getString("country"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static UserView user(ResultSet rs, int row) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : fromArray(rs.getArray("roles"))) {
      roles.add(Role.valueOf(role));
    }
    return new UserView(
        new UserId(rs.getString("id")),
        rs.getString("username"),
        rs.getString("display_name"),
        new OrganizationId(rs.getString("organization_id")),
        Set.copyOf(roles),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("disabled_at")));
  }

  private static Instant instant(java.sql.Timestamp at) {
    return at == null ? null : at.toInstant();
  }

  private static ApiTokenView token(ResultSet rs, int row) throws SQLException {
    return new ApiTokenView(
        rs.getString("id"),
        new UserId(rs.getString("user_id")),
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        instant(rs.getTimestamp("last_used_at")),
        instant(rs.getTimestamp("revoked_at")));
  }
}
