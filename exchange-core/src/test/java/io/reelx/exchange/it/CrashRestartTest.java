package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.config.StorageConfiguration.EmbeddedDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM running the embedded database is killed with SIGKILL, so its PostgreSQL keeps running
 * without it: the next start on the same data directory (the very first one) succeeds.
 */
class CrashRestartTest {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void the_first_start_after_a_kill_9_succeeds_and_keeps_the_data(@TempDir Path data) throws Exception {
    Path directory = data.resolve("postgres");
    Path output = data.resolve("child.log");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Child.class.getName(), directory.toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    Optional<ProcessHandle> orphan = Optional.empty();
    try {
      awaitReady(child, output);
      long postmaster = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());

      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      orphan = ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive);
      assertThat(orphan).as("the killed JVM's PostgreSQL is still running").isPresent();

      EmbeddedDatabase restarted = EmbeddedDatabase.start(directory, 0, false);
      try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl());
          ResultSet rows = connection.createStatement().executeQuery("SELECT word FROM crash_marker")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("written before the kill");
      } finally {
        restarted.destroy();
      }
      assertThat(orphan.get().isAlive()).as("the leftover PostgreSQL was stopped").isFalse();
    } finally {
      child.destroyForcibly();
      orphan.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
    }
  }

  private static void awaitReady(Process child, Path output) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      String log = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
      if (log.contains(Child.READY)) {
        return;
      }
      if (!child.isAlive()) {
        throw new AssertionError("the child JVM ended before its database was ready:\n" + log);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the child JVM's database was not ready within 3 minutes");
  }

  /** The child JVM: starts the embedded database, writes a row and waits to be killed. */
  public static final class Child {
    static final String READY = "CHILD-READY";

    public static void main(String[] args) throws Exception {
      EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), 0, false);
      try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
        connection.createStatement().execute("CREATE TABLE crash_marker (word text)");
        connection.createStatement().execute("INSERT INTO crash_marker VALUES ('written before the kill')");
      }
      System.out.println(READY);
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
