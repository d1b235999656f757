package io.reelx.exchange.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kurrent.dbclient.KurrentDBClient;
import io.reelx.exchange.config.EventStoreDbConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Without {@code reelx.event-store=eventstoredb} the KurrentDB wiring stays out of the context. */
class DefaultEngineSelectionTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(EventStoreDbConfiguration.class);

  @Test
  void postgres_is_the_default_engine() {
    runner.run(context -> assertThat(context)
        .doesNotHaveBean(KurrentDBClient.class).doesNotHaveBean(EventStorageEngine.class));
  }

  @Test
  void postgres_named_explicitly_keeps_kurrentdb_out() {
    runner.withPropertyValues("reelx.event-store=postgres").run(context -> assertThat(context)
        .doesNotHaveBean(KurrentDBClient.class).doesNotHaveBean(EventStorageEngine.class));
  }

  @Test
  void eventstoredb_without_a_connection_string_fails_to_start() {
    runner.withPropertyValues("reelx.event-store=eventstoredb").run(context ->
        assertThat(context).hasFailed().getFailure()
            .hasStackTraceContaining("reelx.eventstoredb.connection-string"));
  }
}
