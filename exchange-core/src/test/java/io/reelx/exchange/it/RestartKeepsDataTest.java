package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.ReelxApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stops the exchange and starts it again on the same data directory: nothing is lost. */
class RestartKeepsDataTest {

  private static final String PASSWORD = "restart-admin-password";

  @Test
  void a_restart_keeps_organisations_users_titles_and_listings(@TempDir Path data) throws Exception {
    String listing;
    String holder;
    try (ConfigurableApplicationContext first = start(data)) {
      Market market = new Market(port(first), PASSWORD).withTitle();
      listing = market.draftListing();
      assertThat(market.holder.post("/api/v1/listings/" + listing + "/submit", null).status()).isEqualTo(200);
      holder = market.holderName;
    }

    try (ConfigurableApplicationContext second = start(data)) {
      Http user = Http.basic(port(second), holder, "holder-password-1");
      Http.Response read = user.get("/api/v1/listings/" + listing);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(read.get("status")).isEqualTo("SUBMITTED");
      assertThat(read.etag()).isEqualTo("\"1\"");
      assertThat(user.get("/api/v1/titles").json().get("totalItems").asLong()).isEqualTo(1);
      Http.Response approved = Http.basic(port(second), "admin", PASSWORD)
          .post("/api/v1/listings/" + listing + "/approve", null);
      assertThat(approved.status()).as(approved.body()).isEqualTo(200);
      assertThat(approved.get("version")).isEqualTo("2");
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
