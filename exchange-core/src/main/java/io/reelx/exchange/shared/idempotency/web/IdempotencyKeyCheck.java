package io.reelx.exchange.shared.idempotency.web;

import io.reelx.exchange.shared.domain.InvalidValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The {@code Idempotency-Key} header of every operation that declares it, checked once for all
 * before anything is read or stored: 400 naming the header when it is missing (where required),
 * sent twice, empty, longer than {@value #MAX_LENGTH} characters or holding control characters.
 */
public class IdempotencyKeyCheck implements HandlerInterceptor {

  static final int MAX_LENGTH = 100;

  /** Per handler method: whether it takes the header, and whether it requires it. */
  private final Map<Method, Optional<Boolean>> declared = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      declared.computeIfAbsent(method.getMethod(), m -> requirement(method))
          .ifPresent(required -> check(request, required));
    }
    return true;
  }

  private static Optional<Boolean> requirement(HandlerMethod method) {
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
      if (header != null && IdempotentRequests.HEADER.equalsIgnoreCase(header.value().isEmpty() ? header.name() : header.value())) {
        return Optional.of(header.required());
      }
    }
    return Optional.empty();
  }

  private static void check(HttpServletRequest request, boolean required) {
    List<String> values = Collections.list(request.getHeaders(IdempotentRequests.HEADER));
    if (values.isEmpty()) {
      if (required) {
        throw invalid("is required: a key of 1 to " + MAX_LENGTH + " characters that names this request");
      }
      return;
    }
    if (values.size() > 1) {
      throw invalid("is sent " + values.size() + " times; send one key");
    }
    String key = values.get(0);
    if (key.isBlank()) {
      throw invalid("must not be empty");
    }
    if (key.length() > MAX_LENGTH) {
      throw invalid("is " + key.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw invalid("must not contain control characters (found U+" + String.format("%04X", (int) c)
            + " at position " + (i + 1) + ")");
      }
    }
  }

  private static InvalidValue invalid(String reason) {
    return new InvalidValue(IdempotentRequests.HEADER, reason);
  }
}
