package io.reelx.settlement.terms.domain;

import java.util.List;

/** Terms were used that {@link TermsValidator} refuses; carries every error. */
public class InvalidTermsException extends IllegalArgumentException {
  private final transient List<FieldError> errors;

  public InvalidTermsException(List<FieldError> errors) {
    super("invalid settlement terms: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
