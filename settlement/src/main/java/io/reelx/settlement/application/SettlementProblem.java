package io.reelx.settlement.application;

import io.reelx.settlement.terms.domain.FieldError;
import java.util.List;

/**
 * Why settlement refused a request. The web layer maps each kind to its status: invalid input
 * 400 (with every field error), not found 404, conflict 409, refused by a rule 422. Nothing is
 * stored when one is thrown (the transaction rolls back).
 */
public abstract sealed class SettlementProblem extends RuntimeException {

  SettlementProblem(String message) {
    super(message);
  }

  /** Bad input, with every problem found. */
  public static final class Invalid extends SettlementProblem {
    private final List<FieldError> errors;
    private final long errorCount;

    public Invalid(String message, List<FieldError> errors) {
      this(message, errors, errors.size());
    }

    public Invalid(String message, List<FieldError> errors, long errorCount) {
      super(message);
      this.errors = List.copyOf(errors);
      this.errorCount = errorCount;
    }

    public List<FieldError> errors() {
      return errors;
    }

    public long errorCount() {
      return errorCount;
    }
  }

  public static final class NotFound extends SettlementProblem {
    public NotFound(String what, String id) {
      super("No " + what + " " + id);
    }
  }

  public static final class Conflict extends SettlementProblem {
    public Conflict(String message) {
      super(message);
    }
  }

  /** Refused by a business rule; {@code code} is stable. */
  public static final class Refused extends SettlementProblem {
    private final String code;

    public Refused(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
