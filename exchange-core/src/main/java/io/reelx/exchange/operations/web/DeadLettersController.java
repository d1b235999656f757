package io.reelx.exchange.operations.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.OperationsApi;
import io.reelx.api.model.DeadLetter;
import io.reelx.api.model.DeadLetterGroup;
import io.reelx.api.model.DeadLetterReport;
import io.reelx.api.model.DeadLetterRetry;
import io.reelx.exchange.config.DeadLetters;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.shared.domain.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Operators see what read models and processors parked, and have it applied again. */
@RestController
public class DeadLettersController implements OperationsApi {

  private static final Logger log = LoggerFactory.getLogger(DeadLettersController.class);

  private final Access access;
  private final DeadLetters deadLetters;

  public DeadLettersController(Access access, DeadLetters deadLetters) {
    this.access = access;
    this.deadLetters = deadLetters;
  }

  @Override
  public ResponseEntity<DeadLetterReport> listDeadLetters() {
    access.require(Role.OPERATOR, Role.AUDITOR);
    return ResponseEntity.ok(new DeadLetterReport(deadLetters.report().stream()
        .map(g -> new DeadLetterGroup(g.group(), g.sequences(), g.letters(), g.items().stream()
            .map(l -> new DeadLetter(l.eventId(), l.eventType(), utc(l.enqueuedAt()), utc(l.lastTouched()))
                .aggregateId(l.aggregateId())
                .sequenceNumber(l.sequenceNumber())
                .causeType(l.causeType())
                .causeMessage(l.causeMessage()))
            .toList()))
        .toList()));
  }

  @Override
  public ResponseEntity<DeadLetterRetry> retryDeadLetters(String group) {
    var user = access.require(Role.OPERATOR);
    if (!deadLetters.has(group)) {
      throw new NotFound("processing group", group);
    }
    int retried = deadLetters.retry(group);
    log.info("Operator {} retried the dead letters of {}: {} sequences applied", user.userId().value(), group, retried);
    return ResponseEntity.ok(new DeadLetterRetry(group, retried, deadLetters.sequences(group)));
  }
}
