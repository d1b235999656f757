package io.reelx.settlement.fx.domain;

import io.reelx.settlement.eventsourcing.EventSourced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One currency pair's rates as a pure event-sourced stream: every rate finance sets is recorded
 * (who and when), the latest converts. The rate is validated before (a positive exact decimal).
 */
public final class FxPair implements EventSourced<FxPair.SetRate, FxRateSet> {

  /** Sets the rate of {@code from -> to}. */
  public record SetRate(String from, String to, BigDecimal rate, String setBy, Instant at) {}

  private FxRateSet latest;

  public static String streamIdOf(String from, String to) {
    return "fx-" + from + "-" + to;
  }

  @Override
  public List<FxRateSet> decide(SetRate c) {
    return List.of(new FxRateSet(c.from(), c.to(), c.rate(), c.setBy(), c.at()));
  }

  @Override
  public void evolve(FxRateSet event) {
    latest = event;
  }

  public Optional<FxRateSet> latest() {
    return Optional.ofNullable(latest);
  }
}
