package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Login security over real HTTP: failed logins throttled per username and per client address
 * (recorded in PostgreSQL), audited, and no cheaper for unknown usernames; API tokens listed and
 * revoked; users disabled; security headers on every answer. Each test that fails logins is a
 * client address of its own (127.0.0.x), so the throttle does not reach other tests. No test waits
 * for a lock to run out: it moves the lock's end into the past, as time would.
 */
class LoginSecurityTest extends IntegrationTest {

  private static final String PASSWORD = "login-security-password";

  @Autowired JdbcClient jdbc;

  @Test
  void wrong_passwords_for_one_username_are_throttled_with_growing_waits_and_a_success_resets_them() {
    String user = newUser("throttled");
    Wire right = Wire.from("127.0.0.11", port).basic(user, PASSWORD);
    Wire wrong = Wire.from("127.0.0.11", port).basic(user, "not-the-password");

    for (int i = 1; i <= 5; i++) {
      assertThat(wrong.get("/api/v1/me").status()).as("failure %d", i).isEqualTo(401);
    }
    Wire.Reply throttled = right.get("/api/v1/me");
    assertThat(throttled.status()).as("even the right password waits out the lock").isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("1");
    assertThat(throttled.header("Content-Type")).isEqualTo("application/problem+json;charset=UTF-8");
    assertThat(throttled.json().get("code").asString()).isEqualTo("too-many-failed-logins");
    assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
    assertThat(lock("user:" + user)).isEqualTo(Duration.ofSeconds(1));

    timePassesFor("user:" + user);
    assertThat(wrong.get("/api/v1/me").status()).as("one more guess once the lock has run out").isEqualTo(401);
    Wire.Reply longer = wrong.get("/api/v1/me");
    assertThat(longer.status()).isEqualTo(429);
    assertThat(Long.parseLong(longer.header("Retry-After"))).isBetween(1L, 2L);
    assertThat(lock("user:" + user)).as("each further failure doubles the wait").isEqualTo(Duration.ofSeconds(2));

    timePassesFor("user:" + user);
    assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(lock("user:" + user)).isEqualTo(Duration.ofSeconds(4));

    timePassesFor("user:" + user);
    assertThat(right.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(throttleRows("user:" + user)).as("a success starts afresh").isZero();
    assertThat(throttleRows("address:127.0.0.11")).isZero();
    assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void a_burst_of_parallel_guesses_meets_the_lock_after_its_free_failures() throws Exception {
    String user = newUser("burst");
    Wire wrong = Wire.from("127.0.0.21", port).basic(user, "not-the-password");
    assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
    List<Integer> statuses = inParallel(12, i -> wrong.get("/api/v1/me").status());
    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401).count())
        .as("four more free failures, then the lock (%s)", statuses).isBetween(4L, 6L);
  }

  @Test
  void parallel_first_logins_of_many_members_from_one_address_are_not_throttled() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      users.add(newUser("crowd" + i));
    }
    assertThat(Wire.from("127.0.0.22", port).basic(users.get(0), "not-the-password").get("/api/v1/me").status())
        .as("one failure on record for the address").isEqualTo(401);
    assertThat(Wire.from("127.0.0.22", port).basic(users.get(0), PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    List<Integer> statuses = inParallel(30, i -> Wire.from("127.0.0.22", port).basic(users.get(i), PASSWORD)
        .get("/api/v1/me").status());
    assertThat(statuses).containsOnly(200);
  }

  @Test
  void an_unknown_username_is_throttled_like_a_known_one() {
    Wire guess = Wire.from("127.0.0.12", port).basic("nobody-" + UUID.randomUUID(), "some-password-1");
    for (int i = 1; i <= 5; i++) {
      assertThat(guess.get("/api/v1/me").status()).isEqualTo(401);
    }
    assertThat(guess.get("/api/v1/me").status()).isEqualTo(429);
  }

  @Test
  void many_failures_from_one_address_lock_that_address_out_whatever_the_usernames() {
    String user = newUser("sprayed");
    for (int i = 1; i <= 20; i++) {
      Wire spray = Wire.from("127.0.0.13", port).basic("spray-" + i + "-" + UUID.randomUUID(), "Summer2027!x");
      assertThat(spray.get("/api/v1/me").status()).as("guess %d", i).isEqualTo(401);
    }
    assertThat(Wire.from("127.0.0.13", port).basic(user, PASSWORD).get("/api/v1/me").status())
        .as("the address is locked out").isEqualTo(429);
    assertThat(Wire.from("127.0.0.14", port).basic(user, PASSWORD).get("/api/v1/me").status())
        .as("another address is not").isEqualTo(200);
    assertThat(Wire.from("127.0.0.13", port).bearer("rx_made-up").get("/api/v1/me").status())
        .as("nor may the address try tokens").isEqualTo(429);
  }

  @Test
  void refused_credentials_are_audited_with_username_address_and_reason_never_the_secret() {
    String user = newUser("audited");
    String unknown = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    Wire.from("127.0.0.15", port).basic(user, "wrong-password-15").get("/api/v1/me");
    Wire.from("127.0.0.15", port).basic(unknown, "wrong-password-15").get("/api/v1/me");
    Wire.from("127.0.0.15", port).bearer("rx_forged-token-15").get("/api/v1/me");

    List<Map<String, Object>> audit = jdbc.sql(
            "SELECT method, username, address, reason FROM login_failure WHERE address = '127.0.0.15' ORDER BY id")
        .query().listOfRows();
    assertThat(audit).containsExactly(
        Map.of("method", "basic", "username", user, "address", "127.0.0.15", "reason", "wrong-password"),
        Map.of("method", "basic", "username", unknown, "address", "127.0.0.15", "reason", "unknown-user"),
        row("bearer", null, "127.0.0.15", "unknown-token"));
    assertThat(jdbc.sql("SELECT count(*) FROM login_failure WHERE username LIKE '%wrong-password-15%'"
        + " OR address LIKE '%forged%'").query(Long.class).single()).isZero();
  }

  @Test
  void an_unknown_username_costs_a_password_check_like_a_known_one() {
    List<String> known = List.of(newUser("timed-a"), newUser("timed-b"));
    List<Long> unknownNanos = new ArrayList<>();
    List<Long> knownNanos = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Wire stranger = Wire.from("127.0.0.16", port).basic("stranger-" + UUID.randomUUID(), "wrong-password-16");
      Wire member = Wire.from("127.0.0.16", port).basic(known.get(i % 2), "wrong-password-16");
      unknownNanos.add(timed(stranger));
      knownNanos.add(timed(member));
    }
    long unknown = median(unknownNanos);
    long knownWrong = median(knownNanos);
    assertThat(unknown)
        .as("median %d us for an unknown user, %d us for a known one with a wrong password",
            unknown / 1000, knownWrong / 1000)
        .isGreaterThan(knownWrong / 2);
  }

  @Test
  void passwords_longer_than_bcrypt_reads_are_refused_at_registration_and_simply_fail_at_login() {
    String tooLong = "é".repeat(37);
    Wire.Reply refused = admin().post("/api/v1/users", "{\"username\":\"long-" + UUID.randomUUID().toString()
        .substring(0, 8) + "\",\"password\":\"" + tooLong + "\",\"displayName\":\"Long\",\"organizationId\":\""
        + jdbc.sql("SELECT id FROM organization LIMIT 1").query(String.class).single() + "\",\"roles\":[\"OPERATOR\"]}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("password");

    String user = newUser("long-login");
    Wire.Reply login = Wire.from("127.0.0.19", port).basic(user, "x".repeat(100)).get("/api/v1/me");
    assertThat(login.status()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT reason FROM login_failure WHERE username = ?").param(user).query(String.class).list())
        .containsExactly("wrong-password");
  }

  @Test
  void own_tokens_are_listed_without_secrets_and_a_revoked_one_fails_at_once() {
    String user = newUser("tokens");
    Wire owner = Wire.from("127.0.0.1", port).basic(user, PASSWORD);
    Wire.Reply first = owner.post("/api/v1/me/tokens", "{\"name\":\"ci-uploader\"}");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(Instant.parse(first.json().get("expiresAt").asString()))
        .as("90 days by default").isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
    Wire.Reply second = owner.post("/api/v1/me/tokens", "{\"name\":\"reports\",\"expiresInDays\":30}");
    assertThat(second.status()).isEqualTo(201);
    Wire.Reply tooLong = owner.post("/api/v1/me/tokens", "{\"name\":\"forever\",\"expiresInDays\":365}");
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);

    Wire firstToken = Wire.from("127.0.0.1", port).bearer(first.json().get("token").asString());
    Wire secondToken = Wire.from("127.0.0.1", port).bearer(second.json().get("token").asString());
    assertThat(firstToken.get("/api/v1/me").status()).isEqualTo(200);

    Wire.Reply list = owner.get("/api/v1/me/tokens");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(first.json().get("token").asString(), second.json().get("token").asString());
    JsonNode tokens = list.json();
    assertThat(tokens).hasSize(2);
    assertThat(tokens.get(0).get("name").asString()).isEqualTo("reports");
    assertThat(tokens.get(1).get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(tokens.get(1).has("lastUsedAt")).as("the first token was used").isTrue();
    assertThat(tokens.get(0).has("lastUsedAt")).isFalse();
    assertThat(tokens.get(1).has("token")).isFalse();
    assertThat(tokens.get(1).has("createdAt")).isTrue();

    String stranger = newUser("token-thief");
    assertThat(Wire.from("127.0.0.1", port).basic(stranger, PASSWORD)
        .delete("/api/v1/me/tokens/" + first.json().get("id").asString()).status())
        .as("another user's token is not found").isEqualTo(404);
    assertThat(firstToken.get("/api/v1/me").status()).isEqualTo(200);

    assertThat(owner.delete("/api/v1/me/tokens/" + first.json().get("id").asString()).status()).isEqualTo(204);
    assertThat(firstToken.get("/api/v1/me").status()).as("revoked: refused on the next request").isEqualTo(401);
    assertThat(secondToken.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(owner.delete("/api/v1/me/tokens/" + first.json().get("id").asString()).status())
        .as("revoking again changes nothing").isEqualTo(204);
    assertThat(owner.delete("/api/v1/me/tokens/no-such-token").status()).isEqualTo(404);
    assertThat(owner.get("/api/v1/me/tokens").json()).extracting(t -> t.get("name").asString())
        .containsExactly("reports");
  }

  @Test
  void a_disabled_user_can_neither_log_in_nor_use_its_tokens_and_enabling_restores_only_its_password() {
    String user = newUser("disabled");
    String id = userId(user);
    Wire password = Wire.from("127.0.0.17", port).basic(user, PASSWORD);
    assertThat(password.get("/api/v1/me").status()).as("logged in (and remembered) before").isEqualTo(200);
    Wire token = Wire.from("127.0.0.17", port)
        .bearer(password.post("/api/v1/me/tokens", "{\"name\":\"bot\"}").json().get("token").asString());
    assertThat(token.get("/api/v1/me").status()).isEqualTo(200);

    assertThat(password.post("/api/v1/users/" + id + "/disable", null).status())
        .as("only an operator disables users").isEqualTo(403);
    Wire.Reply disabled = admin().post("/api/v1/users/" + id + "/disable", null);
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().has("disabledAt")).isTrue();
    assertThat(password.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT reason FROM login_failure WHERE username = ? ORDER BY id DESC LIMIT 1")
        .param(user).query(String.class).single()).isEqualTo("user-disabled");
    assertThat(admin().post("/api/v1/users/" + id + "/disable", null).status()).as("idempotent").isEqualTo(200);

    Wire.Reply enabled = admin().post("/api/v1/users/" + id + "/enable", null);
    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.json().has("disabledAt")).isFalse();
    assertThat(password.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(token.get("/api/v1/me").status()).as("its tokens stay revoked").isEqualTo(401);

    assertThat(admin().post("/api/v1/users/" + userId("admin") + "/disable", null).status())
        .as("an operator cannot lock itself out").isEqualTo(422);
    assertThat(admin().post("/api/v1/users/no-such-user/disable", null).status()).isEqualTo(404);
  }

  @Test
  void every_answer_carries_security_headers_and_no_remember_me_cookie() {
    Wire.Reply anonymous = Wire.from("127.0.0.18", port).get("/api/v1/me");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json;charset=UTF-8");
    assertThat(anonymous.header("WWW-Authenticate")).contains("Basic realm=\"reelx\"");
    Wire.Reply wrong = Wire.from("127.0.0.18", port).basic("admin-" + UUID.randomUUID(), "wrong-password-18")
        .get("/api/v1/me");
    Wire.Reply fine = admin().get("/api/v1/me");
    assertThat(fine.status()).isEqualTo(200);
    for (Wire.Reply reply : List.of(anonymous, wrong, fine)) {
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
      assertThat(reply.all("Set-Cookie")).as("no rememberMe=deleteMe").isEmpty();
      assertThat(reply.header("Strict-Transport-Security")).as("not over plain HTTP").isNull();
    }
    Wire.Reply spec = Wire.from("127.0.0.18", port).get("/openapi.yaml");
    assertThat(spec.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(spec.header("X-Frame-Options")).isEqualTo("DENY");
  }

  // ------------------------------------------------------------------ support

  private Wire admin() {
    return Wire.from("127.0.0.1", port).basic("admin", ADMIN_PASSWORD);
  }

  private String newUser(String prefix) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Wire.Reply org = admin().post("/api/v1/organizations",
        "{\"name\":\"Login " + prefix + " " + suffix + "\",\"kind\":\"PLATFORM\",\"country\":\"CN\"}");
    assertThat(org.status()).as(org.body()).isEqualTo(201);
    String username = prefix + "-" + suffix;
    Wire.Reply user = admin().post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
        + "\",\"displayName\":\"" + prefix + "\",\"organizationId\":\"" + org.json().get("id").asString()
        + "\",\"roles\":[\"PLATFORM\"]}");
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return username;
  }

  private String userId(String username) {
    return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(String.class).single();
  }

  private Duration lock(String key) {
    return jdbc.sql("SELECT last_failure_at, locked_until FROM login_throttle WHERE key = ?").param(key)
        .query((rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
        .single();
  }

  /** What the lock's end passing would do, without waiting for it. */
  private void timePassesFor(String key) {
    jdbc.sql("UPDATE login_throttle SET locked_until = ? WHERE key = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(1)), key).update();
  }

  private long throttleRows(String key) {
    return jdbc.sql("SELECT count(*) FROM login_throttle WHERE key = ?").param(key).query(Long.class).single();
  }

  private static Map<String, Object> row(String method, String username, String address, String reason) {
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("method", method);
    row.put("username", username);
    row.put("address", address);
    row.put("reason", reason);
    return row;
  }

  private static List<Integer> inParallel(int n, java.util.function.IntFunction<Integer> call) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          return call.apply(index);
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (java.util.concurrent.Future<Integer> future : futures) {
        statuses.add(future.get(5, java.util.concurrent.TimeUnit.MINUTES));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long timed(Wire wire) {
    long start = System.nanoTime();
    int status = wire.get("/api/v1/me").status();
    long took = System.nanoTime() - start;
    assertThat(status).isEqualTo(401);
    return took;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
