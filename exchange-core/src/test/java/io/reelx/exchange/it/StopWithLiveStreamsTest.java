package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.ReelxApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the exchange while platforms follow listings live: the open streams are ended first,
 * so the web server's graceful shutdown has nothing to wait for (it would wait out its 30 s grace
 * period for every open stream).
 */
class StopWithLiveStreamsTest {

  private static final String PASSWORD = "stop-admin-password";
  private static final Duration BOUND = Duration.ofSeconds(30);

  @Test
  void a_stop_with_followers_connected_ends_their_streams_and_takes_well_under_ten_seconds(@TempDir Path data)
      throws Exception {
    ConfigurableApplicationContext app = start(data);
    List<BufferedReader> followers = new ArrayList<>();
    try {
      Market market = new Market(port(app), PASSWORD).withTitle();
      String listing = market.draftListing();
      // the stream opens on the listing view, which a loaded machine may not have written yet
      ReadModels.awaitCaughtUp(app, BOUND);
      for (int i = 0; i < 3; i++) {
        HttpResponse<java.io.InputStream> answer = market.holder.openEventStream("/api/v1/listings/" + listing
            + "/stream").get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8));
        followers.add(lines);
        assertThat(within(BOUND, lines::readLine)).isEqualTo("event:status");
      }

      long started = System.nanoTime();
      app.close();
      Duration stop = Duration.ofNanos(System.nanoTime() - started);

      System.out.printf("Stop with %d live streams open took %d ms%n", followers.size(), stop.toMillis());
      assertThat(stop).as("the time a stop took with %d streams open", followers.size())
          .isLessThan(Duration.ofSeconds(10));
      for (BufferedReader lines : followers) {
        assertThat(within(BOUND, () -> drain(lines))).as("the stream ended").isTrue();
      }
    } finally {
      app.close();
      followers.forEach(StopWithLiveStreamsTest::closeQuietly);
    }
  }

  /** Reads to the end of the stream; true once it has ended. */
  private static boolean drain(BufferedReader lines) throws IOException {
    while (lines.readLine() != null) {
      // the rest of the stream, up to its end
    }
    return true;
  }

  private interface Read<T> {
    T read() throws IOException;
  }

  /** What a blocking read gives within {@code bound}; fails if it gives nothing in time. */
  private static <T> T within(Duration bound, Read<T> read) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return read.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).get(bound.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void closeQuietly(BufferedReader lines) {
    try {
      lines.close();
    } catch (IOException ignored) {
      // the stream is gone either way
    }
  }

  private static ConfigurableApplicationContext start(Path data) {
    return new SpringApplicationBuilder(ReelxApplication.class)
        .run("--server.port=0", "--reelx.data-dir=" + data, "--reelx.embedded-postgres.fsync=false",
            "--reelx.admin.password=" + PASSWORD);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
