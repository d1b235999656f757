package io.reelx.exchange.rights.query;

import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.AvailsCalculator;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.HoldingRecorded;
import io.reelx.exchange.rights.domain.RightsGrantCut;
import io.reelx.exchange.rights.domain.RightsGranted;
import io.reelx.exchange.rights.domain.TitleId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rights register of one title as it stood at an instant, folded from the event log: the
 * holdings recorded by then (the title's events) and the grants of its contracts activated by
 * then, cut at a termination recorded by then ({@link Grant#terminatedFrom}, the rule the register applies). Avails
 * are then the same {@link AvailsCalculator} answer as now, over that register.
 */
@Component
public class AvailsAsOf {

  private final EventStore events;
  private final JdbcClient jdbc;

  public AvailsAsOf(EventStore events, JdbcClient jdbc) {
    this.events = events;
    this.jdbc = jdbc;
  }

  /** The title's register at {@code at}. */
  public Register at(TitleId title, Instant at) {
    List<Holding> holdings = new ArrayList<>();
    DomainEventStream stream = events.readEvents(title.value(), 0);
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      if (!event.getTimestamp().isAfter(at) && event.getPayload() instanceof HoldingRecorded h) {
        holdings.add(new Holding(new HoldingId(h.holdingId()), h.window().toWindow(), h.exclusive(),
            h.sublicensable(), h.evidenceSha256()));
      }
    }
    List<String> contracts = jdbc.sql("SELECT id FROM contract_view WHERE document->'terms'->>'titleId' = ? ORDER BY id")
        .param(title.value()).query(String.class).list();
    List<Grant> grants = new ArrayList<>();
    for (String contract : contracts) {
      Map<String, Grant> grant = new LinkedHashMap<>();
      DomainEventStream contractEvents = events.readEvents(contract, 0);
      while (contractEvents.hasNext()) {
        DomainEventMessage<?> event = contractEvents.next();
        if (event.getTimestamp().isAfter(at)) {
          break;
        }
        if (event.getPayload() instanceof RightsGranted a) {
          grant.put(contract, new Grant(contract, a.window().toWindow(), a.exclusive()));
        } else if (event.getPayload() instanceof RightsGrantCut t && grant.containsKey(contract)) {
          grant.get(contract).terminatedFrom(t.effectiveFrom())
              .ifPresentOrElse(cut -> grant.put(contract, cut), () -> grant.remove(contract));
        }
      }
      grants.addAll(grant.values());
    }
    return new Register(holdings, grants);
  }

  /** Holdings and grants of a title at one instant. */
  public record Register(List<Holding> holdings, List<Grant> grants) {
    public Avails avails(AvailsRequest request) {
      return new AvailsCalculator().check(request, holdings, grants);
    }
  }
}
