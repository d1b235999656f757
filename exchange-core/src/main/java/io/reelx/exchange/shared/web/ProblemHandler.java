package io.reelx.exchange.shared.web;

import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.shiro.authz.UnauthenticatedException;
import org.apache.shiro.authz.UnauthorizedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * Every error as an RFC 9457 problem document with a stable {@code type}/{@code code} and, for
 * bad input, the fields at fault. Bad input is never a 500. A context maps its own exception types
 * in an advice of its own, ordered before this one (finance's {@code SettlementProblems}).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  static final String TYPE_BASE = "https://reelx.io/problems/";

  @ExceptionHandler(InvalidValue.class)
  ResponseEntity<Object> invalid(InvalidValue e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-value", e.getMessage(),
        e.fields().stream().map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
  }

  @ExceptionHandler(RuleViolation.class)
  ResponseEntity<Object> rule(RuleViolation e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage(), null);
  }

  @ExceptionHandler(StateConflict.class)
  ResponseEntity<Object> conflict(StateConflict e) {
    return problem(HttpStatus.CONFLICT, "state-conflict", e.getMessage(), null);
  }

  @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class, DuplicateKeyException.class})
  ResponseEntity<Object> concurrent(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "concurrent-change",
        "The resource was changed by someone else meanwhile; reload it and try again", null);
  }

  @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
  ResponseEntity<Object> notFound(RuntimeException e) {
    String detail = e instanceof NotFound ? e.getMessage() : "No such resource";
    return problem(HttpStatus.NOT_FOUND, "not-found", detail, null);
  }

  @ExceptionHandler(UnauthorizedException.class)
  ResponseEntity<Object> forbidden(UnauthorizedException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), null);
  }

  @ExceptionHandler(UnauthenticatedException.class)
  ResponseEntity<Object> unauthenticated(UnauthenticatedException e) {
    return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required", null);
  }

  @ExceptionHandler(CommandExecutionException.class)
  ResponseEntity<Object> command(CommandExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuleViolation r) {
      return rule(r);
    }
    if (cause instanceof StateConflict c) {
      return conflict(c);
    }
    if (cause instanceof InvalidValue v) {
      return invalid(v);
    }
    if (cause instanceof NotFound n) {
      return notFound(n);
    }
    return unexpected(e);
  }

  /** A parameter outside its declared bounds (method validation of the generated interfaces). */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraint(ConstraintViolationException e) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      String field = null;
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.PROPERTY) {
          field = field == null || node.getKind() == ElementKind.PARAMETER ? node.getName() : field + "." + node.getName();
        }
      }
      errors.add(Map.of("field", field == null ? "request" : field, "reason", violation.getMessage()));
    }
    errors.sort(java.util.Comparator.comparing(m -> m.get("field")));
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid parameters", errors);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException e) {
    String value = String.valueOf(e.getValue());
    return problem(HttpStatus.BAD_REQUEST, "invalid-value",
        "'" + value + "' is not a valid value for " + e.getName(),
        List.of(Map.of("field", e.getName(), "reason", "'" + value + "' is not a valid value")));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    log.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
        "Something went wrong on our side; nothing you sent was the cause", null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(Map.of("field", error.getField(), "reason", String.valueOf(error.getDefaultMessage())));
    }
    ex.getBindingResult().getGlobalErrors()
        .forEach(g -> errors.add(Map.of("field", g.getObjectName(), "reason", String.valueOf(g.getDefaultMessage()))));
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields", errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(Map.of(
            "field", result.getMethodParameter().getParameterName() == null
                ? "parameter" : result.getMethodParameter().getParameterName(),
            "reason", String.valueOf(error.getDefaultMessage())))));
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid parameters", errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (ex.getCause() instanceof RequestInputModule.RefusedValue refused) {
      String field = pathOf(refused);
      return problem(HttpStatus.BAD_REQUEST, "invalid-value", field + " " + refused.reason,
          List.of(Map.of("field", field, "reason", refused.reason)));
    }
    if (ex.getCause() instanceof InvalidNullException nul) {
      String field = pathOf(nul);
      return problem(HttpStatus.BAD_REQUEST, "invalid-value", field + " must not be null",
          List.of(Map.of("field", field, "reason", "must not be null")));
    }
    String field = "body";
    String reason = "is not valid JSON for this operation";
    if (ex.getCause() instanceof DatabindException db && !db.getPath().isEmpty()) {
      field = pathOf(db);
      reason = "has a value of the wrong type or format";
    }
    return problem(HttpStatus.BAD_REQUEST, "malformed-request", "The request body could not be read: "
        + field + " " + reason, List.of(Map.of("field", field, "reason", reason)));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : ex.getMessage();
    String code = HttpStatus.resolve(status.value()) == null
        ? "error" : HttpStatus.resolve(status.value()).name().toLowerCase().replace('_', '-');
    return problem(status, code, detail, null);
  }

  private static String pathOf(DatabindException db) {
    StringBuilder sb = new StringBuilder();
    for (var ref : db.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  /** The problem document every handler answers with ({@code code} also names its {@code type}). */
  public static ResponseEntity<Object> problem(
      HttpStatusCode status, String code, String detail, List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + code));
    problem.setProperty("code", code);
    if (errors != null && !errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
