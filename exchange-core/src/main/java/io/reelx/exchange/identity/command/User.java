package io.reelx.exchange.identity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.exchange.identity.domain.ApiTokenIssued;
import io.reelx.exchange.identity.domain.PasswordChanged;
import io.reelx.exchange.identity.domain.RoleAssignmentPolicy;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.domain.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import io.reelx.exchange.shared.command.SnapshotState;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user of one organisation. Lifecycle: registered (with roles the organisation's kind allows),
 * then any number of password changes and API tokens.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargetResolver")
@SnapshotState
public class User {

  @AggregateIdentifier private UserId id;

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
    apply(new ApiTokenIssued(id, command.tokenId(), command.name(), command.expiresAt()));
  }

  @EventSourcingHandler
  void on(UserRegistered event) {
    id = event.userId();
  }
}
