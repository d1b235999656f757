package io.reelx.acceptance.support;

import io.reelx.client.ApiClient;
import io.reelx.client.api.AuctionsApi;
import io.reelx.client.api.AuditApi;
import io.reelx.client.api.ContractsApi;
import io.reelx.client.api.FinanceApi;
import io.reelx.client.api.ListingsApi;
import io.reelx.client.api.MeApi;
import io.reelx.client.api.OrganizationsApi;
import io.reelx.client.api.SettlementApi;
import io.reelx.client.api.TitlesApi;
import io.reelx.client.api.UsersApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Someone talking to the exchange over HTTP: a user with a password (HTTP Basic), a holder of an
 * API token (Bearer), or an anonymous caller. Every answer's status is reported to the scenario,
 * which fails on any 5xx, and how long it took to {@link Pace}.
 */
public final class Actor {

  private final String alias;
  private final String username;
  private final String password;
  private final String organizationId;
  private final ApiClient client;
  private final Consumer<HttpRequest.Builder> credentials;
  private final IntConsumer statusObserver;

  private Actor(String alias, String username, String password, String organizationId,
      String baseUri, Consumer<HttpRequest.Builder> credentials, IntConsumer statusObserver) {
    this.alias = alias;
    this.username = username;
    this.password = password;
    this.organizationId = organizationId;
    this.credentials = credentials;
    this.statusObserver = statusObserver;
    this.client = new ApiClient();
    client.updateBaseUri(baseUri);
    client.setReadTimeout(Duration.ofSeconds(30));
    client.setConnectTimeout(Duration.ofSeconds(5));
    client.setRequestInterceptor(request -> {
      credentials.accept(request);
      Pace.callStarts();
    });
    client.setResponseInterceptor(response -> {
      Pace.callEnded();
      statusObserver.accept(response.statusCode());
    });
  }

  public static Actor withPassword(String alias, String username, String password, String organizationId,
      String baseUri, IntConsumer statusObserver) {
    String basic = Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Actor(alias, username, password, organizationId, baseUri,
        b -> b.setHeader("Authorization", "Basic " + basic), statusObserver);
  }

  public static Actor withToken(String alias, String token, String baseUri, IntConsumer statusObserver) {
    return new Actor(alias, null, null, null, baseUri,
        b -> b.setHeader("Authorization", "Bearer " + token), statusObserver);
  }

  public static Actor anonymous(String baseUri, IntConsumer statusObserver) {
    return new Actor("someone", null, null, null, baseUri, b -> {}, statusObserver);
  }

  public String alias() {
    return alias;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public String organizationId() {
    return organizationId;
  }

  public MeApi me() {
    return new MeApi(client);
  }

  public OrganizationsApi organizations() {
    return new OrganizationsApi(client);
  }

  public UsersApi users() {
    return new UsersApi(client);
  }

  public TitlesApi titles() {
    return new TitlesApi(client);
  }

  public ListingsApi listings() {
    return new ListingsApi(client);
  }

  public AuctionsApi auctions() {
    return new AuctionsApi(client);
  }

  public ContractsApi contracts() {
    return new ContractsApi(client);
  }

  public AuditApi audit() {
    return new AuditApi(client);
  }

  /** Settlement of contracts: agreements, revenue reports, statements. */
  public SettlementApi settlement() {
    return new SettlementApi(client);
  }

  /** Finance's desk: FX rates, payments, reconciliation, discrepancies, payouts, ledger. */
  public FinanceApi finance() {
    return new FinanceApi(client);
  }

  /** Reads a non-JSON document (the generated client parses every answer as JSON). */
  public Outcome getText(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", accept + ", application/problem+json")
        .GET();
    credentials.accept(request);
    try {
      Pace.callStarts();
      HttpResponse<String> response = client.getHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Pace.callEnded();
      statusObserver.accept(response.statusCode());
      return new Outcome(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null), response.body(), null);
    } catch (IOException e) {
      throw new AssertionError("Cannot reach the exchange: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /** Uploads a CSV body (the generated client would send a file). */
  public Outcome sendCsv(String path, String csv) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "text/csv")
        .header("Accept", "application/json, application/problem+json")
        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
    credentials.accept(request);
    try {
      Pace.callStarts();
      HttpResponse<String> response = client.getHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Pace.callEnded();
      statusObserver.accept(response.statusCode());
      return new Outcome(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null), response.body(), null);
    } catch (IOException e) {
      throw new AssertionError("Cannot reach the exchange: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /**
   * Sends a raw JSON body, for what the generated client would never send (broken JSON, missing
   * required fields).
   */
  public Outcome sendJson(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    credentials.accept(request);
    try {
      Pace.callStarts();
      HttpResponse<String> response = client.getHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Pace.callEnded();
      statusObserver.accept(response.statusCode());
      return new Outcome(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null), response.body(), null);
    } catch (IOException e) {
      throw new AssertionError("Cannot reach the exchange: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /**
   * Opens a server-sent-event stream (what the generated client cannot do: it would wait for the
   * end of the body). The answer completes once the headers are in; its lines arrive as sent.
   */
  public CompletableFuture<HttpResponse<Stream<String>>> openEventStream(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path))
        .header("Accept", "text/event-stream")
        .GET();
    credentials.accept(request);
    return client.getHttpClient()
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
        .thenApply(response -> {
          statusObserver.accept(response.statusCode());
          return response;
        });
  }

  public com.fasterxml.jackson.databind.ObjectMapper json() {
    return client.getObjectMapper();
  }

  @Override
  public String toString() {
    return alias + (username == null ? "" : " (" + username + ")");
  }
}
