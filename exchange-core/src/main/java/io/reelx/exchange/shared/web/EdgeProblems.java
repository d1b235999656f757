package io.reelx.exchange.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents written below Spring MVC (Tomcat's error report, servlet filters), the same
 * shape {@link ProblemHandler} gives: {@code type}, {@code title}, {@code status}, {@code code},
 * {@code detail}.
 */
final class EdgeProblems {

  static final String CONTENT_TYPE = "application/problem+json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EdgeProblems() {
  }

  /** The code {@link ProblemHandler} uses for a bare status: {@code bad-request}, {@code method-not-allowed}. */
  static String code(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "error" : known.name().toLowerCase().replace('_', '-');
  }

  static String title(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }

  /** What a client can do about a status answered before the request reached the API. */
  static String detail(int status) {
    return switch (status) {
      case 400 -> "The request is malformed: its URL (an encoded '/', '\\\\', '.' or NUL, a bad %-escape,"
          + " characters outside ASCII), its headers or its size were refused before it reached the API";
      case 404 -> "No such resource";
      case 405 -> "This method is not allowed on this resource";
      case 413 -> "The request body is larger than this operation accepts";
      case 414 -> "The request URL is too long";
      case 415 -> "The request body's Content-Type is not one this operation accepts";
      case 431 -> "The request headers are too large";
      default -> status >= 500
          ? "Something went wrong on our side; nothing you sent was the cause" : title(status);
    };
  }

  static String json(int status, String code, String detail) {
    return json(status, code, detail, null, null);
  }

  /** With one field error ({@code errors: [{field, reason}]}) when {@code field} is given. */
  static String json(int status, String code, String detail, String field, String reason) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", ProblemHandler.TYPE_BASE + code);
    problem.put("title", title(status));
    problem.put("status", status);
    problem.put("code", code);
    problem.put("detail", detail);
    if (field != null) {
      problem.put("errors", List.of(Map.of("field", field, "reason", reason)));
    }
    return JSON.writeValueAsString(problem);
  }

  static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
    write(response, status, code, detail, null, null);
  }

  static void write(HttpServletResponse response, int status, String code, String detail, String field, String reason)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json(status, code, detail, field, reason).getBytes(StandardCharsets.UTF_8));
    response.flushBuffer();
  }
}
