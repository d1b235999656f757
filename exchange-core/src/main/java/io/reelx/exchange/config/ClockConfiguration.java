package io.reelx.exchange.config;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of "now" for the whole exchange. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  /** Microsecond ticks: what PostgreSQL keeps, so a time reads back exactly as it was stated. */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  /** Event timestamps come from the injected clock, like every other domain time. */
  @Bean
  ClockBinding axonClockBinding(Clock clock) {
    GenericEventMessage.clock = clock;
    return new ClockBinding(clock);
  }

  record ClockBinding(Clock clock) {}
}
