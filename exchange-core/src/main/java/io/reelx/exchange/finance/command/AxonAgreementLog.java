package io.reelx.exchange.finance.command;

import io.reelx.settlement.agreement.domain.AgreementCommand;
import io.reelx.settlement.agreement.domain.AgreementRefused;
import io.reelx.settlement.agreement.domain.SettlementAgreement;
import io.reelx.settlement.application.AgreementLog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Settlement's agreements in the exchange's event store: each command goes to the agreement's
 * aggregate ({@link SettlementAgreementAggregate}) through the command bus, in the caller's
 * transaction (an event processor's, a request's), and answers what it recorded.
 *
 * <p>Whether an agreement has a stream is read from the event store; an agreement opened earlier in
 * the same unit of work (its events are appended when that unit commits) counts as having one.
 */
@Component
public class AxonAgreementLog implements AgreementLog {

  private static final String OPENED = AxonAgreementLog.class.getName() + ".opened";

  private final CommandGateway commands;
  private final EventStore events;

  public AxonAgreementLog(CommandGateway commands, EventStore events) {
    this.commands = commands;
    this.events = events;
  }

  @Override
  public Recorded record(AgreementCommand command) {
    String id = RecordOnAgreement.agreementIdOf(command.contractId());
    boolean exists = openedInThisUnit().contains(id) || events.readEvents(id).hasNext();
    if (!exists && !(command instanceof AgreementCommand.Open)) {
      throw AgreementRefused.notFound("settlement agreement for contract", command.contractId());
    }
    if (exists) {
      Recorded recorded = commands.sendAndWait(RecordOnAgreement.to(command));
      return recorded;
    }
    commands.sendAndWait(RecordOnAgreement.open((AgreementCommand.Open) command));
    openedInThisUnit().add(id);
    // the constructor answers nothing: the opening decided on an empty agreement
    SettlementAgreement opened = new SettlementAgreement();
    List<io.reelx.settlement.agreement.domain.AgreementEvent> decided = new SettlementAgreement().decide(command);
    decided.forEach(opened::evolve);
    return new Recorded(decided, opened);
  }

  private static Set<String> openedInThisUnit() {
    return CurrentUnitOfWork.isStarted()
        ? CurrentUnitOfWork.get().root().getOrComputeResource(OPENED, k -> new HashSet<>())
        : new HashSet<>();
  }
}
