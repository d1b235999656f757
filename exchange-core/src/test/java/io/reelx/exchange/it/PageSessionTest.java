package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Page sessions over plain HTTP: the login form's own CSRF token, the session cookie's attributes,
 * CSRF tokens on state-changing page requests, the pages' Content-Security-Policy, and the API's
 * authentication unchanged (a page session cookie does not open the API; Basic still does).
 */
class PageSessionTest extends IntegrationTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  record Answer(int status, String body, HttpResponse<String> raw) {
    List<String> cookies() {
      return raw.headers().allValues("Set-Cookie");
    }

    String cookie(String name) {
      return cookies().stream().filter(c -> c.startsWith(name + "=")).findFirst()
          .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElse(null);
    }
  }

  @Test
  void login_needs_the_forms_token_and_sets_a_strict_cookie() throws Exception {
    Answer form = get("/login", null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.raw().headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'").doesNotContain("unsafe-inline");
    String loginCsrf = form.cookie("reelx_login_csrf");
    assertThat(hiddenCsrf(form.body())).isEqualTo(loginCsrf);

    Answer forged = post("/login", "reelx_login_csrf=" + loginCsrf,
        "username=admin&password=" + enc(ADMIN_PASSWORD), null);
    assertThat(forged.status()).as("a login without the form's token").isEqualTo(403);
    assertThat(forged.cookie("reelx_session")).isNull();

    Answer login = post("/login", "reelx_login_csrf=" + loginCsrf,
        "username=admin&password=" + enc(ADMIN_PASSWORD) + "&_csrf=" + loginCsrf, null);
    assertThat(login.status()).isEqualTo(302);
    String cookie = login.cookies().stream().filter(c -> c.startsWith("reelx_session=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
  }

  @Test
  void state_changing_page_requests_need_the_sessions_csrf_token() throws Exception {
    String session = signIn();
    Answer home = get("/", "reelx_session=" + session);
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("hx-headers");
    String csrf = hiddenCsrf(home.body());

    Answer noToken = post("/logout", "reelx_session=" + session, "", null);
    assertThat(noToken.status()).isEqualTo(403);
    Answer wrongToken = post("/logout", "reelx_session=" + session, "_csrf=" + csrf + "x", null);
    assertThat(wrongToken.status()).isEqualTo(403);
    Answer otherSessionsToken = post("/logout", "reelx_session=" + session, "", hiddenCsrf(get("/", "reelx_session="
        + signIn()).body()));
    assertThat(otherSessionsToken.status()).as("another session's token").isEqualTo(403);
    assertThat(get("/", "reelx_session=" + session).status()).as("still signed in").isEqualTo(200);

    Answer byHeader = post("/logout", "reelx_session=" + session, "", csrf);
    assertThat(byHeader.status()).isEqualTo(302);
    assertThat(byHeader.cookies()).anyMatch(c -> c.startsWith("reelx_session=;") && c.contains("Max-Age=0"));
    Answer after = get("/", "reelx_session=" + session);
    assertThat(after.status()).as("signed out: sent to the login form").isEqualTo(302);
    assertThat(after.raw().headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void the_api_keeps_its_own_authentication() throws Exception {
    String session = signIn();
    HttpResponse<String> cookieOnly = CLIENT.send(HttpRequest.newBuilder(uri("/api/v1/me"))
        .header("Cookie", "reelx_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(cookieOnly.statusCode()).as("a page session does not open the API").isEqualTo(401);
    HttpResponse<String> basic = CLIENT.send(HttpRequest.newBuilder(uri("/api/v1/me"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(200);
    assertThat(basic.headers().allValues("Set-Cookie")).as("the API sets no cookie").isEmpty();
    HttpResponse<String> unknown = CLIENT.send(HttpRequest.newBuilder(uri("/api/v2/nothing")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).as("no page under /api").isEqualTo(404);
  }

  @Test
  void htmx_requests_without_a_session_are_told_where_to_sign_in() throws Exception {
    HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(uri("/market"))
        .header("HX-Request", "true").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("HX-Redirect")).contains("/login?next=%2Fmarket");
  }

  private String signIn() throws Exception {
    Answer form = get("/login", null);
    String loginCsrf = form.cookie("reelx_login_csrf");
    Answer login = post("/login", "reelx_login_csrf=" + loginCsrf,
        "username=admin&password=" + enc(ADMIN_PASSWORD) + "&_csrf=" + loginCsrf, null);
    assertThat(login.status()).isEqualTo(302);
    return login.cookie("reelx_session");
  }

  private static String hiddenCsrf(String html) {
    Matcher matcher = HIDDEN_CSRF.matcher(html);
    assertThat(matcher.find()).as("a hidden _csrf field").isTrue();
    return matcher.group(1);
  }

  private Answer get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response);
  }

  private Answer post(String path, String cookie, String form, String csrfHeader) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrfHeader != null) {
      request.header("X-CSRF-Token", csrfHeader);
    }
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
