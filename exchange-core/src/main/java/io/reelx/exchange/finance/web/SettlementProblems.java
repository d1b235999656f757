package io.reelx.exchange.finance.web;

import io.reelx.exchange.shared.web.ProblemHandler;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.ledger.domain.TransferRefused;
import io.reelx.settlement.ledger.domain.TransferResult;
import io.reelx.settlement.terms.domain.InvalidTermsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The settlement module's exceptions as problem documents, wherever they are thrown (settlement
 * terms are also checked when a listing is created). Ordered just before the shared {@link
 * ProblemHandler}, whose catch-all would otherwise answer first, and after the pages' own handler.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class SettlementProblems {

  /** Settlement's refusals: invalid input carries every field (or report line) error found. */
  @ExceptionHandler(SettlementProblem.class)
  ResponseEntity<Object> settlement(SettlementProblem e) {
    if (e instanceof SettlementProblem.Invalid invalid) {
      List<Map<String, String>> errors = new ArrayList<>();
      invalid.errors().forEach(f -> errors.add(Map.of("field", f.field(), "reason", f.reason())));
      ResponseEntity<Object> response = ProblemHandler.problem(HttpStatus.BAD_REQUEST, "invalid-value", e.getMessage(), errors);
      ((ProblemDetail) response.getBody()).setProperty("errorCount", invalid.errorCount());
      return response;
    }
    if (e instanceof SettlementProblem.NotFound) {
      return ProblemHandler.problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), null);
    }
    if (e instanceof SettlementProblem.Conflict) {
      return ProblemHandler.problem(HttpStatus.CONFLICT, "state-conflict", e.getMessage(), null);
    }
    return ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, ((SettlementProblem.Refused) e).code(), e.getMessage(), null);
  }

  @ExceptionHandler(InvalidTermsException.class)
  ResponseEntity<Object> invalidTerms(InvalidTermsException e) {
    List<Map<String, String>> errors = new ArrayList<>();
    e.errors().forEach(f -> errors.add(Map.of("field", f.field(), "reason", f.reason())));
    return ProblemHandler.problem(HttpStatus.BAD_REQUEST, "invalid-value", "The settlement terms are invalid", errors);
  }

  @ExceptionHandler(TransferRefused.class)
  ResponseEntity<Object> transferRefused(TransferRefused e) {
    if (e.refusal().reason() == TransferResult.Reason.ID_REUSED_WITH_DIFFERENT_CONTENT) {
      return ProblemHandler.problem(HttpStatus.CONFLICT, "transfer-id-reused", e.getMessage(), null);
    }
    return ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "transfer-refused", e.getMessage(), null);
  }
}
