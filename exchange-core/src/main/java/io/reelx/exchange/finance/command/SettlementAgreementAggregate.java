package io.reelx.exchange.finance.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.settlement.agreement.domain.AgreementEvent;
import io.reelx.settlement.agreement.domain.SettlementAgreement;
import io.reelx.settlement.application.AgreementLog.Recorded;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A settlement agreement, event-sourced in the exchange's event store. The decisions are the pure
 * {@link SettlementAgreement}'s: this class only loads its history, hands it each command and
 * applies the events it decided ({@link AgreementEvent}s, stored as they are). The answer carries
 * the events and the agreement after them, from which settlement's AgreementProjection projects its tables and
 * ledger transfers in the same transaction. Not cached: a command replays the agreement's stream
 * (one agreement's events are few).
 */
@Aggregate
public class SettlementAgreementAggregate {

  @AggregateIdentifier private String agreementId;
  private SettlementAgreement agreement = new SettlementAgreement();

  protected SettlementAgreementAggregate() {}

  @CommandHandler
  public SettlementAgreementAggregate(RecordOnAgreement.Open c) {
    decide(c);
  }

  @CommandHandler
  public Recorded handle(RecordOnAgreement.Existing c) {
    return decide(c);
  }

  private Recorded decide(RecordOnAgreement c) {
    List<AgreementEvent> events = agreement.decide(c.command());
    events.forEach(e -> apply(e));
    return new Recorded(events, agreement);
  }

  @EventSourcingHandler
  void on(AgreementEvent e) {
    if (agreementId == null) {
      agreementId = RecordOnAgreement.agreementIdOf(e.contractId());
    }
    agreement.evolve(e);
  }
}
