package io.reelx.exchange.identity.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.MeApi;
import io.reelx.api.OrganizationsApi;
import io.reelx.api.UsersApi;
import io.reelx.api.model.ApiToken;
import io.reelx.api.model.ApiTokenSummary;
import io.reelx.api.model.CreateApiTokenRequest;
import io.reelx.api.model.CreateOrganizationRequest;
import io.reelx.api.model.CreateUserRequest;
import io.reelx.api.model.Me;
import io.reelx.api.model.Organization;
import io.reelx.api.model.User;
import io.reelx.exchange.identity.command.IdentityService;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.query.IdentityCache;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.identity.query.UserView;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.shared.domain.NotFound;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class IdentityController implements MeApi, OrganizationsApi, UsersApi {

  private final Access access;
  private final IdentityService identity;
  private final IdentityRegister register;
  private final IdentityCache cache;
  private final Clock clock;

  public IdentityController(
      Access access, IdentityService identity, IdentityRegister register, IdentityCache cache, Clock clock) {
    this.cache = cache;
    this.access = access;
    this.identity = identity;
    this.register = register;
    this.clock = clock;
  }

  @Override
  public ResponseEntity<Me> getMe() {
    CurrentUser user = access.current();
    // from memory while nothing about users or organisations changed (IdentityCache)
    UserView view = cache.user(user.userId()).orElseThrow(() -> new NotFound("user", user.userId().value()));
    OrganizationView org = cache.organization(user.organizationId())
        .orElseThrow(() -> new NotFound("organisation", user.organizationId().value()));
    return ResponseEntity.ok(new Me(
        view.id().value(), view.username(), view.displayName(), org.id().value(), org.name(),
        io.reelx.api.model.OrganizationKind.valueOf(org.kind().name()), roles(view.roles())));
  }

  @Override
  public ResponseEntity<ApiToken> createApiToken(CreateApiTokenRequest request) {
    CurrentUser user = access.current();
    IdentityService.IssuedToken token =
        identity.issueToken(user.userId(), request.getName(), request.getExpiresInDays());
    return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id()))
        .body(new ApiToken(token.id(), token.name(), token.token(), utc(token.expiresAt())));
  }

  @Override
  public ResponseEntity<List<ApiTokenSummary>> listApiTokens() {
    CurrentUser user = access.current();
    return ResponseEntity.ok(register.liveTokens(user.userId(), clock.instant()).stream()
        .map(t -> new ApiTokenSummary(t.id(), t.name(), utc(t.createdAt()), utc(t.expiresAt()))
            .lastUsedAt(t.lastUsedAt() == null ? null : utc(t.lastUsedAt())))
        .toList());
  }

  @Override
  public ResponseEntity<Void> revokeApiToken(String tokenId) {
    identity.revokeToken(access.current().userId(), tokenId);
    return ResponseEntity.noContent().build();
  }

  @Override
  public ResponseEntity<User> disableUser(String userId) {
    CurrentUser operator = access.require(Role.OPERATOR);
    return ResponseEntity.ok(toApi(identity.disableUser(operator.userId(), new UserId(userId))));
  }

  @Override
  public ResponseEntity<User> enableUser(String userId) {
    access.require(Role.OPERATOR);
    return ResponseEntity.ok(toApi(identity.enableUser(new UserId(userId))));
  }

  @Override
  public ResponseEntity<Organization> createOrganization(CreateOrganizationRequest request) {
    access.require(Role.OPERATOR);
    OrganizationView org = identity.createOrganization(
        request.getName(), OrganizationKind.valueOf(request.getKind().name()), request.getCountry());
    return ResponseEntity.created(URI.create("/api/v1/organizations/" + org.id().value())).body(toApi(org));
  }

  @Override
  public ResponseEntity<Organization> getOrganization(String organizationId) {
    CurrentUser user = access.current();
    OrganizationId id = new OrganizationId(organizationId);
    if (!user.seesAllOrganizations() && !user.belongsTo(id)) {
      throw new NotFound("organisation", organizationId);
    }
    return ResponseEntity.ok(toApi(identity.organization(id)));
  }

  @Override
  public ResponseEntity<List<Organization>> listOrganizations() {
    CurrentUser user = access.current();
    List<OrganizationView> visible = user.seesAllOrganizations()
        ? register.organizations()
        : List.of(identity.organization(user.organizationId()));
    return ResponseEntity.ok(visible.stream().map(IdentityController::toApi).toList());
  }

  @Override
  public ResponseEntity<User> createUser(CreateUserRequest request) {
    access.require(Role.OPERATOR);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    request.getRoles().forEach(r -> roles.add(Role.valueOf(r.name())));
    UserView user = identity.registerUser(request.getUsername(), request.getPassword(),
        request.getDisplayName(), new OrganizationId(request.getOrganizationId()), Set.copyOf(roles));
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.id().value())).body(toApi(user));
  }

  @Override
  public ResponseEntity<List<User>> listUsers(String organizationId) {
    CurrentUser user = access.current();
    Optional<OrganizationId> filter = Optional.ofNullable(organizationId).map(OrganizationId::new);
    if (!user.seesAllOrganizations()) {
      if (filter.isPresent() && !user.belongsTo(filter.get())) {
        throw new NotFound("organisation", organizationId);
      }
      filter = Optional.of(user.organizationId());
    }
    return ResponseEntity.ok(register.users(filter).stream().map(IdentityController::toApi).toList());
  }

  private static Organization toApi(OrganizationView org) {
    return new Organization(org.id().value(), org.name(),
        io.reelx.api.model.OrganizationKind.valueOf(org.kind().name()), org.country(), utc(org.createdAt()));
  }

  private static User toApi(UserView user) {
    return new User(user.id().value(), user.username(), user.displayName(), user.organizationId().value(),
        roles(user.roles()), utc(user.createdAt()))
        .disabledAt(user.disabledAt() == null ? null : utc(user.disabledAt()));
  }

  private static List<io.reelx.api.model.Role> roles(Set<Role> roles) {
    return roles.stream().sorted().map(r -> io.reelx.api.model.Role.valueOf(r.name())).toList();
  }
}
