package io.reelx.exchange.identity.command;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.query.ApiTokenView;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.identity.query.UserView;
import io.reelx.exchange.identity.security.Credentials;
import io.reelx.exchange.identity.security.IdentityChanges;
import io.reelx.exchange.identity.security.Passwords;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates organisations, users and API tokens; revokes tokens, disables and enables users. Credentials are written in the same transaction
 * as the events, outside the event log.
 */
@Service
public class IdentityService {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,40}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private final CommandGateway commands;
  private final IdentityRegister register;
  private final Credentials credentials;
  private final Passwords passwords;
  private final Clock clock;
  private final TokenLifetimes lifetimes;
  private final IdentityChanges changes;

  public IdentityService(
      IdentityChanges changes,
      CommandGateway commands,
      IdentityRegister register,
      Credentials credentials,
      Passwords passwords,
      Clock clock,
      TokenLifetimes lifetimes) {
    this.lifetimes = lifetimes;
    this.changes = changes;
    this.commands = commands;
    this.register = register;
    this.credentials = credentials;
    this.passwords = passwords;
    this.clock = clock;
  }

  @Transactional
  public OrganizationView createOrganization(String name, OrganizationKind kind, String country) {
    String trimmed = name == null ? "" : name.strip();
    List<InvalidValue.Field> problems = new ArrayList<>();
    if (trimmed.isEmpty()) {
      problems.add(new InvalidValue.Field("name", "must not be blank"));
    } else if (trimmed.length() > 200) {
      problems.add(new InvalidValue.Field("name", "must be at most 200 characters"));
    }
    if (kind == null) {
      problems.add(new InvalidValue.Field("kind", "is required"));
    }
    if (country == null || !COUNTRY.matcher(country).matches()) {
      problems.add(new InvalidValue.Field("country", "must be an ISO 3166-1 alpha-2 code such as CN"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValue(problems);
    }
    if (register.organizationNameTaken(trimmed)) {
      throw new StateConflict("An organisation named '" + trimmed + "' already exists");
    }
    OrganizationId id = OrganizationId.newId();
    commands.sendAndWait(new CreateOrganization(id, trimmed, kind, country));
    return register.organization(id).orElseThrow();
  }

  @Transactional
  public UserView registerUser(
      String username, String password, String displayName, OrganizationId organizationId, Set<Role> roles) {
    // every malformed field at once (the API's schema checks the same before; a page form relies on these)
    List<InvalidValue.Field> problems = new ArrayList<>();
    if (username == null || !USERNAME.matcher(username).matches()) {
      problems.add(new InvalidValue.Field("username", "must be 3 to 40 of a-z, 0-9, '.', '_' and '-'"));
    }
    try {
      passwords.checkStrength(password);
    } catch (InvalidValue weak) {
      problems.addAll(weak.fields());
    }
    if (displayName == null || displayName.isBlank()) {
      problems.add(new InvalidValue.Field("displayName", "must not be blank"));
    } else if (displayName.length() > 200) {
      problems.add(new InvalidValue.Field("displayName", "must be at most 200 characters"));
    }
    OrganizationView organization = organizationId == null ? null : register.organization(organizationId).orElse(null);
    if (organization == null) {
      problems.add(new InvalidValue.Field("organizationId", "no such organisation"));
    }
    if (roles == null || roles.isEmpty()) {
      problems.add(new InvalidValue.Field("roles", "must hold at least one role"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValue(problems);
    }
    if (register.userByUsername(username).isPresent()) {
      throw new StateConflict("The username '" + username + "' is taken");
    }
    UserId id = UserId.newId();
    commands.sendAndWait(
        new RegisterUser(id, organization.id(), organization.kind(), username, displayName, roles));
    credentials.storePassword(id, passwords.hash(password), clock.instant());
    return register.user(id).orElseThrow();
  }

  /**
   * A new API token for the user; the secret is returned once and stored only as SHA-256. Without
   * {@code days} it lives the configured default; longer than the configured maximum is refused.
   */
  @Transactional
  public IssuedToken issueToken(UserId user, String name, Integer requestedDays) {
    int days = requestedDays == null ? lifetimes.defaultDays() : requestedDays;
    if (days < 1 || days > lifetimes.maxDays()) {
      throw new InvalidValue("expiresInDays", "must be between 1 and " + lifetimes.maxDays());
    }
    String tokenId = UUID.randomUUID().toString();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "rx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(Duration.ofDays(days));
    commands.sendAndWait(new IssueApiToken(user, tokenId, name, expiresAt));
    credentials.storeToken(tokenId, user, name, Passwords.sha256(token), now, expiresAt);
    return new IssuedToken(tokenId, name, token, expiresAt);
  }

  /**
   * Revokes one of the user's own tokens; it fails at once on this node and within a second on
   * every other (see {@link IdentityChanges}). Revoking a revoked token again changes nothing; another user's
   * token is "not found".
   */
  @Transactional
  public void revokeToken(UserId owner, String tokenId) {
    ApiTokenView token = register.token(tokenId)
        .filter(t -> t.userId().equals(owner))
        .orElseThrow(() -> new NotFound("API token", tokenId));
    if (token.revokedAt() != null) {
      return;
    }
    commands.sendAndWait(new RevokeApiToken(owner, tokenId));
    credentials.revokeToken(tokenId, clock.instant());
    changes.changedHere();
  }

  /**
   * The user can no longer log in, and all its API tokens are revoked: at once on this node, within
   * a second on every other.
   */
  @Transactional
  public UserView disableUser(UserId operator, UserId user) {
    existing(user);
    if (operator.equals(user)) {
      throw new RuleViolation("cannot-disable-self", "An operator cannot disable its own account");
    }
    commands.sendAndWait(new DisableUser(user));
    credentials.revokeTokensOf(user, clock.instant());
    changes.changedHere();
    return existing(user);
  }

  /** A disabled user may log in with its password again; its revoked tokens stay revoked. */
  @Transactional
  public UserView enableUser(UserId user) {
    existing(user);
    commands.sendAndWait(new EnableUser(user));
    changes.changedHere();
    return existing(user);
  }

  private UserView existing(UserId user) {
    return register.user(user).orElseThrow(() -> new NotFound("user", user.value()));
  }

  public OrganizationView organization(OrganizationId id) {
    return register.organization(id).orElseThrow(() -> new NotFound("organisation", id.value()));
  }

  public record IssuedToken(String id, String name, String token, Instant expiresAt) {}
}
