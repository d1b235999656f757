package io.reelx.exchange.audit.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.AuditApi;
import io.reelx.api.model.AuditEvent;
import io.reelx.api.model.AuditTrail;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.shared.domain.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The full, ordered event history of one aggregate: the audit trail is the event log itself. */
@RestController
public class AuditController implements AuditApi {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Access access;
  private final EventStore events;
  private final JsonMapper json;

  public AuditController(Access access, EventStore events, JsonMapper json) {
    this.access = access;
    this.events = events;
    this.json = json;
  }

  @Override
  public ResponseEntity<AuditTrail> getAuditTrail(String aggregateId) {
    access.require(Role.OPERATOR, Role.AUDITOR);
    DomainEventStream stream = events.readEvents(aggregateId, 0);
    List<AuditEvent> trail = new ArrayList<>();
    String type = null;
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      type = event.getType();
      Object userId = event.getMetaData().get("userId");
      Object correlation = event.getMetaData().get("correlationId");
      trail.add(new AuditEvent(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
          utc(event.getTimestamp()), json.convertValue(event.getPayload(), MAP))
          .userId(userId == null ? null : userId.toString())
          .correlationId(correlation == null ? null : correlation.toString()));
    }
    if (trail.isEmpty()) {
      throw new NotFound("aggregate", aggregateId);
    }
    return ResponseEntity.ok(new AuditTrail(aggregateId, type, trail));
  }
}
