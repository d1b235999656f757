package io.reelx.exchange.identity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.exchange.identity.domain.OrganizationCreated;
import io.reelx.exchange.identity.domain.OrganizationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import io.reelx.exchange.shared.command.SnapshotState;
import org.axonframework.spring.stereotype.Aggregate;

/** An organisation taking part in the exchange. Lifecycle: created (and so far nothing else). */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargetResolver")
@SnapshotState
public class Organization {

  @AggregateIdentifier private OrganizationId id;

  protected Organization() {}

  @CommandHandler
  public Organization(CreateOrganization command) {
    apply(
        new OrganizationCreated(
            command.organizationId(), command.name(), command.kind(), command.country()));
  }

  @EventSourcingHandler
  void on(OrganizationCreated event) {
    id = event.organizationId();
  }
}
