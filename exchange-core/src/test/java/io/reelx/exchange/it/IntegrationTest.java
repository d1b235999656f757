package io.reelx.exchange.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a real (embedded) PostgreSQL and a
 * real HTTP port. One Spring context (and one database) is shared by every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

  static final String ADMIN_PASSWORD = "integration-admin-password";
  private static final Path DATA = tempDir();

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("reelx.data-dir", DATA::toString);
    registry.add("reelx.embedded-postgres.fsync", () -> "false");
    registry.add("reelx.admin.password", () -> ADMIN_PASSWORD);
    registry.add("reelx.axon.snapshot-threshold", () -> "5");
    registry.add("reelx.auction.min-timed-period-seconds", () -> "1");
  }

  protected Market market() {
    return new Market(port, ADMIN_PASSWORD);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("reelx-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
