package io.reelx.exchange.identity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.exchange.identity.domain.ApiTokenIssued;
import io.reelx.exchange.identity.domain.ApiTokenRevoked;
import io.reelx.exchange.identity.domain.PasswordChanged;
import io.reelx.exchange.identity.domain.RoleAssignmentPolicy;
import io.reelx.exchange.identity.domain.UserDisabled;
import io.reelx.exchange.identity.domain.UserEnabled;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.domain.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import io.reelx.exchange.shared.command.SnapshotState;
import io.reelx.exchange.shared.domain.RuleViolation;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user of one organisation. Lifecycle: registered (with roles the organisation's kind allows),
 * then any number of password changes and API tokens issued and revoked. An operator may
 * disable it (it can no longer log in, and no token is issued to it) and enable it again; both are
 * idempotent. Which tokens exist is kept in the token register, not here.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargetResolver")
@SnapshotState
public class User {

  @AggregateIdentifier private UserId id;
  private boolean disabled;

  protected User() {}

  @CommandHandler
  public User(RegisterUser command) {
    RoleAssignmentPolicy.check(command.organizationKind(), command.roles());
    apply(
        new UserRegistered(
            command.userId(),
            command.organizationId(),
            command.username(),
            command.displayName(),
            command.roles()));
    apply(new PasswordChanged(command.userId()));
  }

  @CommandHandler
  void handle(ChangePassword command) {
    apply(new PasswordChanged(id));
  }

  @CommandHandler
  void handle(IssueApiToken command) {
    if (disabled) {
      throw new RuleViolation("user-disabled", "The user is disabled; no token is issued to it");
    }
    apply(new ApiTokenIssued(id, command.tokenId(), command.name(), command.expiresAt()));
  }

  @CommandHandler
  void handle(RevokeApiToken command) {
    apply(new ApiTokenRevoked(id, command.tokenId()));
  }

  @CommandHandler
  void handle(DisableUser command) {
    if (!disabled) {
      apply(new UserDisabled(id));
    }
  }

  @CommandHandler
  void handle(EnableUser command) {
    if (disabled) {
      apply(new UserEnabled(id));
    }
  }

  @EventSourcingHandler
  void on(UserRegistered event) {
    id = event.userId();
  }

  @EventSourcingHandler
  void on(UserDisabled event) {
    disabled = true;
  }

  @EventSourcingHandler
  void on(UserEnabled event) {
    disabled = false;
  }
}
