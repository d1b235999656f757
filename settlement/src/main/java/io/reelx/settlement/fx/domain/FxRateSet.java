package io.reelx.settlement.fx.domain;

import io.reelx.settlement.eventsourcing.StreamEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** Finance set the rate of a currency pair (stream {@code fx-<from>-<to>}); the latest one converts reports. */
public record FxRateSet(String from, String to, BigDecimal rate, String setBy, Instant at) implements StreamEvent {

  @Override
  public String streamId() {
    return FxPair.streamIdOf(from, to);
  }
}
