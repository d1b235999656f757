package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Errors on the pages' paths are HTML pages in the user's language within the layout, with the
 * API's statuses; the API's paths keep their problem documents. Another organisation's private
 * listing is a 404 (not a 403), as in the API.
 */
class PageErrorsTest extends IntegrationTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void another_organisations_private_listing_is_a_404_page_in_the_users_language() throws Exception {
    Market market = market().withTitle();
    String draft = market.draftListing();
    market.platform("Durian");
    String platform = ("Durian-" + market.holderName).toLowerCase().replaceAll("[^a-z0-9-]", "-");
    String session = signIn(platform, market.holderPassword);

    HttpResponse<String> english = get("/market/" + draft, session, "en");
    assertThat(english.statusCode()).isEqualTo(404);
    assertThat(english.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(english.body()).contains("id=\"error-title\"").contains("Not found")
        .contains("class=\"container site-header\"").contains("hx-headers")
        .doesNotContain("\"type\"");
    for (String path : new String[] {"/market/" + draft + "/room", "/market/" + draft + "/state"}) {
      assertThat(get(path, session, "en").statusCode()).as(path).isEqualTo(404);
    }

    HttpResponse<String> chinese = get("/market/" + draft, session, "zh-CN");
    assertThat(chinese.statusCode()).isEqualTo(404);
    assertThat(chinese.body()).contains("lang=\"zh-CN\"").contains("未找到");

    HttpResponse<String> api = CLIENT.send(HttpRequest.newBuilder(uri("/api/v1/listings/" + draft))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (platform + ":" + market.holderPassword).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "text/html,application/json")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(api.body()).contains("\"code\":\"not-found\"");
  }

  @Test
  void an_unknown_page_path_is_a_404_page_in_the_users_language_and_an_unknown_api_path_a_problem() throws Exception {
    Market market = market();
    String session = signIn(market.holderName, market.holderPassword);
    for (String path : new String[] {"/nothing-here", "/holder/titles/unknown", "/operator/nothing/here"}) {
      HttpResponse<String> english = get(path, session, "en");
      assertThat(english.statusCode()).as(path).isEqualTo(404);
      assertThat(english.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
      assertThat(english.body()).as(path).contains("id=\"error-title\"").contains("Not found")
          .contains("class=\"container site-header\"").contains("lang=\"en\"");
      HttpResponse<String> chinese = get(path, session, "zh-CN");
      assertThat(chinese.statusCode()).as(path).isEqualTo(404);
      assertThat(chinese.body()).as(path).contains("lang=\"zh-CN\"").contains("未找到");
    }
    for (String path : new String[] {"/api/v1/nothing-here", "/api/nothing-here"}) {
      HttpResponse<String> api = CLIENT.send(HttpRequest.newBuilder(uri(path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (market.holderName + ":" + market.holderPassword).getBytes(StandardCharsets.UTF_8)))
          .header("Accept", "text/html,application/json")
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).as(path).isEqualTo(404);
      assertThat(api.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/problem+json");
      assertThat(api.body()).as(path).contains("\"status\":404").doesNotContain("<html");
    }
  }

  @Test
  void a_refusal_is_an_html_page_in_the_users_language() throws Exception {
    Market market = market().withTitle();
    String draft = market.draftListing();
    // the holder may see its own draft but is no platform: bidding is not its role
    String session = signIn(market.holderName, market.holderPassword);
    String csrf = csrfOf(get("/", session, "en").body());
    HttpResponse<String> refused = CLIENT.send(HttpRequest.newBuilder(uri("/market/" + draft + "/bids"))
        .header("Cookie", "reelx_session=" + session)
        .header("Accept-Language", "zh-CN")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("amount=10.00&key=refusal-probe-1&_csrf=" + csrf)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(refused.body()).contains("无权操作").contains("id=\"error-title\"");
  }

  /** What the page benchmark (ops/bench/pages.sh) relies on and checks. */
  @Test
  void pages_are_timed_and_compressed_and_their_assets_cached_under_hashed_urls() throws Exception {
    Market market = market();
    String session = signIn(market.holderName, market.holderPassword);
    HttpResponse<byte[]> home = CLIENT.send(HttpRequest.newBuilder(uri("/market"))
        .header("Cookie", "reelx_session=" + session).header("Accept-Encoding", "gzip").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Server-Timing").orElseThrow()).matches("app;dur=[0-9.]+");
    assertThat(home.headers().firstValue("Content-Encoding")).contains("gzip");
    String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(home.body()))
        .readAllBytes(), StandardCharsets.UTF_8);
    java.util.regex.Matcher assets = java.util.regex.Pattern
        .compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"").matcher(html);
    int found = 0;
    while (assets.find()) {
      found++;
      String asset = assets.group(1);
      assertThat(asset).as("a content-hashed or versioned URL")
          .matches("/assets/.*-[0-9a-f]{32}\\.(css|js)|/webjars/[^/]+/[0-9][^/]*/.*\\.(css|js)");
      HttpResponse<byte[]> served = CLIENT.send(HttpRequest.newBuilder(uri(asset)).header("Accept-Encoding", "gzip")
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(served.statusCode()).as(asset).isEqualTo(200);
      assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).as(asset).contains("max-age=31536000");
      if (served.headers().firstValueAsLong("Content-Length").orElse(served.body().length) > 2048) {
        assertThat(served.headers().firstValue("Content-Encoding")).as(asset).contains("gzip");
      }
    }
    assertThat(found).as("stylesheets and scripts linked").isGreaterThanOrEqualTo(5);
  }

  private static String csrfOf(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String path, String session, String language) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Cookie", "reelx_session=" + session);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String signIn(String username, String password) throws Exception {
    HttpResponse<String> form = CLIENT.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String loginCsrf = form.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("reelx_login_csrf=")).findFirst()
        .map(c -> c.substring("reelx_login_csrf=".length(), c.indexOf(';'))).orElseThrow();
    HttpResponse<String> login = CLIENT.send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "reelx_login_csrf=" + loginCsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
            + "&_csrf=" + loginCsrf)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("reelx_session="))
        .findFirst().map(c -> c.substring("reelx_session=".length(), c.indexOf(';'))).orElseThrow();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
