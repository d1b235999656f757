package io.reelx.acceptance.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelx.client.ApiClient;
import io.reelx.client.ApiException;
import io.reelx.client.ApiResponse;
import io.reelx.client.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What one HTTP exchange answered: the status, the content type and the raw body, plus the
 * decoded value when it succeeded through the generated client.
 */
public record Outcome(int status, String contentType, String body, Object value) {

  private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

  /**
   * A success through the generated client. With an {@link ApiResponse} (the {@code ...WithHttpInfo}
   * methods) the real status is kept; the plain methods do not tell it, so any 2xx reads as 200.
   */
  public static Outcome success(Object value) {
    if (value instanceof ApiResponse<?> response) {
      return new Outcome(response.getStatusCode(), "application/json", null, response.getData());
    }
    return new Outcome(200, "application/json", null, value);
  }

  public static Outcome of(ApiException e) {
    String contentType = e.getResponseHeaders() == null
        ? null
        : e.getResponseHeaders().firstValue("Content-Type").orElse(null);
    return new Outcome(e.getCode(), contentType, e.getResponseBody(), null);
  }

  public boolean succeeded() {
    return status / 100 == 2;
  }

  public boolean isProblem() {
    return contentType != null && contentType.startsWith("application/problem+json");
  }

  /** The RFC 9457 problem document of a refusal. */
  public Problem problem() {
    if (body == null || body.isBlank()) {
      throw new AssertionError("HTTP " + status + " came without a body, expected a problem document");
    }
    try {
      return JSON.readValue(body, Problem.class);
    } catch (IOException e) {
      throw new UncheckedIOException("HTTP " + status + " body is not a problem document: " + body, e);
    }
  }

  @Override
  public String toString() {
    return "HTTP " + status + (contentType == null ? "" : " (" + contentType + ")")
        + (body == null ? "" : ": " + body);
  }
}
