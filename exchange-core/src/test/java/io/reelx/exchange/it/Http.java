package io.reelx.exchange.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for integration tests: real requests to the running app. */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;
  private final String authorization;

  private Http(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  static Http basic(int port, String user, String password) {
    return new Http("http://localhost:" + port, "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  static Http bearer(int port, String token) {
    return new Http("http://localhost:" + port, "Bearer " + token);
  }

  /** The same credentials against another node. */
  Http on(int port) {
    return new Http("http://localhost:" + port, authorization);
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
  }

  Response post(String path, Object body) {
    return post(path, body, Map.of());
  }

  Response post(String path, Object body, Map<String, String> headers) {
    String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
  }

  Response put(String path, Object body) {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)), Map.of());
  }

  Response postText(String path, String contentType, String body, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  /** The answer's headers (names in lower case) to a GET with extra request headers. */
  Map<String, java.util.List<String>> headers(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    headers.forEach(request::header);
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers().map();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens a server-sent-event stream; the answer comes once its headers are in, the body as it is sent. */
  java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>> openEventStream(String path) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "text/event-stream").header("Authorization", authorization).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private Response send(HttpRequest.Builder request, Map<String, String> headers) {
    request.header("Authorization", authorization);
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null),
          response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, String body, String etag, java.net.http.HttpHeaders headers) {

    /** The first value of a response header, or null. */
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JsonNode json() {
      return JSON.readTree(body);
    }

    String get(String field) {
      return json().get(field).asString();
    }
  }
}
