package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What operators are given: the Prometheus endpoint behind operator credentials, every metric the
 * shipped Grafana dashboard queries present in its output, the scrape sample pointing at it, and
 * {@code info} naming the build and the event store.
 */
class MonitoringTest extends IntegrationTest {

  static final Path MONITORING = Path.of("..", "ops", "monitoring");

  @Test
  void the_prometheus_endpoint_is_for_operators_only() {
    Market market = market();
    Http anonymous = Http.basic(port, "nobody", "wrong-password");
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    Http.Response holder = market.holder.get("/actuator/prometheus");
    assertThat(holder.status()).isEqualTo(403);
    assertThat(holder.get("code")).isEqualTo("forbidden");
    Http.Response operator = market.admin.get("/actuator/prometheus");
    assertThat(operator.status()).isEqualTo(200);
    assertThat(operator.body()).contains("reelx_dead_letters{group=\"listing-view\"}");
    // probes stay open
    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/info").status()).isEqualTo(200);
  }

  @Test
  void every_metric_the_dashboard_queries_is_published() throws IOException {
    JsonNode dashboard = Http.JSON.readTree(Files.readString(MONITORING.resolve("reelx-dashboard.json")));
    Set<String> used = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        used.addAll(metricNames(target.get("expr").asString()));
      }
    }
    for (JsonNode variable : dashboard.get("templating").get("list")) {
      Matcher values = Pattern.compile("label_values\\(\\s*([A-Za-z_:][A-Za-z0-9_:]*)")
          .matcher(variable.path("definition").asString(""));
      if (values.find()) {
        used.add(values.group(1));
      }
    }
    assertThat(used).as("metrics the dashboard queries").contains(
        "reelx_bids_total", "reelx_bids_decision_seconds_bucket", "reelx_listings", "reelx_contracts",
        "reelx_settlement_lines_total", "reelx_settlement_statements_total", "reelx_event_processor_lag_events",
        "reelx_dead_letters", "reelx_database_size_bytes");

    Set<String> published = published(market().admin.get("/actuator/prometheus").body());
    assertThat(published).as("metrics in /actuator/prometheus").containsAll(used);
  }

  @Test
  void every_tracking_processor_has_a_lag_and_a_dead_letter_series() {
    String body = market().admin.get("/actuator/prometheus").body();
    for (String group : List.of("listing-view", "auction-view", "contract-drafting", "settlement-intake")) {
      assertThat(body).contains("reelx_event_processor_lag_events{processor=\"" + group + "\"}")
          .contains("reelx_dead_letters{group=\"" + group + "\"}");
    }
  }

  @Test
  void the_scrape_sample_reads_the_prometheus_endpoint_with_credentials() throws IOException {
    String sample = Files.readString(MONITORING.resolve("prometheus.yml"));
    assertThat(sample).contains("metrics_path: /actuator/prometheus").contains("basic_auth:");
  }

  @Test
  void info_names_the_version_the_commit_and_the_event_store() {
    JsonNode info = Http.basic(port, "nobody", "x").get("/actuator/info").json();
    assertThat(info.at("/build/version").asString()).isNotBlank();
    assertThat(info.at("/build/commit").isMissingNode()).isFalse();
    assertThat(info.at("/eventStore/engine").asString()).isEqualTo("postgres");
  }

  @Test
  void each_request_gets_a_correlation_id_or_keeps_the_callers() {
    Http anonymous = Http.basic(port, "nobody", "x");
    Map<String, List<String>> made = anonymous.headers("/actuator/health", Map.of());
    assertThat(made.get("x-request-id")).singleElement().asString().hasSizeGreaterThan(8);
    Map<String, List<String>> kept = anonymous.headers("/actuator/health", Map.of("X-Request-Id", "edge-42.a"));
    assertThat(kept.get("x-request-id")).containsExactly("edge-42.a");
    Map<String, List<String>> replaced = anonymous.headers("/actuator/health", Map.of("X-Request-Id", "not a token!"));
    assertThat(replaced.get("x-request-id")).singleElement().asString().isNotEqualTo("not a token!");
  }

  /** Metric names in a PromQL expression: identifiers that are neither functions, labels nor keywords. */
  static Set<String> metricNames(String expr) {
    String bare = expr
        .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
        .replaceAll("\\{[^}]*}", " ") // label matchers
        .replaceAll("\\[[^]]*]", " ") // ranges
        .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = Pattern.compile("(?<![A-Za-z0-9_:$.])([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?").matcher(bare);
    while (identifier.find()) {
      boolean function = identifier.group(2) != null;
      if (!function && !Set.of("and", "or", "unless", "bool", "offset").contains(identifier.group(1))) {
        names.add(identifier.group(1));
      }
    }
    return names;
  }

  private static Set<String> published(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }
}
