package io.reelx.exchange.operations.metrics;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code /actuator/info} names the event storage engine in use (version and commit come from the build). */
@Component
public class EventStoreInfo implements InfoContributor {

  private final String engine;

  public EventStoreInfo(Environment environment) {
    this.engine = environment.getProperty("reelx.event-store", "postgres");
  }

  @Override
  public void contribute(Info.Builder builder) {
    builder.withDetail("eventStore", Map.of("engine", engine));
  }
}
