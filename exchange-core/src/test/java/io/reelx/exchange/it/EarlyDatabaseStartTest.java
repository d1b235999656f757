package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.reelx.exchange.ReelxApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The embedded PostgreSQL starts in the background while Spring reads its configuration; a start
 * that fails before any bean used the database still stops it (no postmaster left running on the
 * data directory).
 */
class EarlyDatabaseStartTest {

  @Test
  void a_start_that_fails_while_reading_the_configuration_stops_the_database_started_early(@TempDir Path data) {
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ReelxApplication.class).run(
        "--server.port=0",
        "--reelx.data-dir=" + data,
        "--reelx.embedded-postgres.fsync=false",
        "--reelx.admin.password=long-enough-password",
        // refused while the configuration classes are read, before any bean is created
        "--spring.autoconfigure.exclude=io.reelx.exchange.config.StorageConfiguration").close());

    assertThat(failure).as("the start failed").isNotNull();
    assertThat(data.resolve("postgres").resolve("PG_VERSION")).as("the database was started early").exists();
    assertThat(data.resolve("postgres").resolve("postmaster.pid")).as("and stopped with the failed start")
        .doesNotExist();
  }
}
