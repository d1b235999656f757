package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A JSON answer and a problem document each leave with their length, not as chunks (Spring MVC's
 * flush after the body is held back until the request ends: issue 17).
 */
class OneWriteAnswersTest extends IntegrationTest {

  private static final String ADMIN = "Basic " + Base64.getEncoder()
      .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @Test
  void jsonAnswerCarriesItsLength() {
    RawHttp.Answer me = RawHttp.send(port, "GET", "/api/v1/me", Map.of("Authorization", ADMIN), null);

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.header("Content-Type")).startsWith("application/json");
    assertThat(me.header("Transfer-Encoding")).isNull();
    assertThat(me.header("Content-Length")).isEqualTo(
        Integer.toString(me.body().getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void problemDocumentCarriesItsLength() {
    RawHttp.Answer missing = RawHttp.send(port, "GET", "/api/v1/listings/no-such-listing",
        Map.of("Authorization", ADMIN), null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.header("Transfer-Encoding")).isNull();
    assertThat(missing.header("Content-Length")).isNotNull();
  }
}
