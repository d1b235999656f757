package io.reelx.settlement.application;

import io.reelx.settlement.agreement.domain.AgreementCommand;
import io.reelx.settlement.agreement.domain.AgreementEvent;
import io.reelx.settlement.agreement.domain.AgreementRefused;
import io.reelx.settlement.agreement.domain.SettlementAgreement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where settlement agreements live as events: a command is decided on the agreement's history
 * ({@link SettlementAgreement#decide}) and what it decided is appended, in the caller's
 * transaction. {@code AgreementProjection} projects the recorded events into the tables and the ledger. exchange-core
 * keeps agreements in its Axon event store (an event-sourced aggregate); {@link #inMemory()} is
 * for runs without one (benchmarks).
 */
public interface AgreementLog {

  /** What a command recorded (empty: a replay) and the agreement after it. */
  record Recorded(List<AgreementEvent> events, SettlementAgreement agreement) {
    public Recorded {
      events = List.copyOf(events);
    }
  }

  /**
   * Decides {@code command} and appends its events. Refused with {@link AgreementRefused} (nothing
   * appended); a command other than opening, to an agreement with no history, is refused as
   * {@link AgreementRefused.Kind#NOT_FOUND} before anything is touched.
   */
  Recorded record(AgreementCommand command);

  /** Agreements in this process's memory only. */
  static AgreementLog inMemory() {
    Map<String, List<AgreementEvent>> streams = new ConcurrentHashMap<>();
    return command -> {
      List<AgreementEvent> stream = streams.computeIfAbsent(command.contractId(), id -> new ArrayList<>());
      synchronized (stream) {
        SettlementAgreement agreement = SettlementAgreement.replay(stream);
        List<AgreementEvent> events = agreement.decide(command);
        events.forEach(agreement::evolve);
        stream.addAll(events);
        return new Recorded(events, agreement);
      }
    };
  }
}
