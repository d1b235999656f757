package io.reelx.exchange.shared.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A streamed body that grew past its limit surfaces wrapped in whatever was reading it (Jackson,
 * the CSV reader); matched by cause ahead of {@link ProblemHandler}, it is a 413, not a 400.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodyTooLargeHandler {

  @ExceptionHandler(BodyTooLarge.class)
  ResponseEntity<Object> tooLarge(BodyTooLarge e) {
    return ProblemHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", e.getMessage(), null);
  }
}
