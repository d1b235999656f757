package io.reelx.exchange.rights.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.exchange.rights.domain.HoldingRecorded;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleRegistered;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import io.reelx.exchange.shared.command.SnapshotState;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A title (series, micro-drama, film ...) owned by one rights holder. Lifecycle: registered, then
 * holdings recorded one by one (each with evidence). Only the owner may record holdings; to
 * anyone else the title does not exist.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargetResolver", snapshotTriggerDefinition = "snapshotTrigger")
@SnapshotState
public class Title {

  @AggregateIdentifier private TitleId id;
  private String owner;

  protected Title() {}

  @CommandHandler
  public Title(RegisterTitle c) {
    if (c.name() == null || c.name().isBlank()) {
      throw new InvalidValue("name", "must not be blank");
    }
    apply(new TitleRegistered(c.titleId(), c.ownerOrganizationId(), c.name().strip(), c.originalName(),
        c.kind(), c.episodes(), c.minutesPerEpisode(), c.originalLanguage(), c.productionYear(), c.synopsis()));
  }

  @CommandHandler
  void handle(RecordHolding c) {
    if (!owner.equals(c.organizationId())) {
      throw new NotFound("title", id.value());
    }
    apply(new HoldingRecorded(id, c.holding().id().value(), WindowTerms.of(c.holding().window()),
        c.holding().exclusive(), c.holding().sublicensable(), c.holding().evidenceSha256(), c.evidenceNote()));
  }

  @EventSourcingHandler
  void on(TitleRegistered e) {
    id = e.titleId();
    owner = e.ownerOrganizationId();
  }
}
