package io.reelx.settlement.agreement.domain;

import io.reelx.settlement.terms.domain.FieldError;
import java.util.List;

/**
 * An agreement refused a command; nothing happened. {@code kind} says how callers answer (bad
 * input, unknown, conflicting with what happened, or refused by a rule with a stable {@code code}).
 */
public final class AgreementRefused extends RuntimeException {

  public enum Kind {
    INVALID, NOT_FOUND, CONFLICT, RULE
  }

  private final Kind kind;
  private final String code;
  private final transient List<FieldError> errors;
  private final String subject;
  private final String subjectId;

  private AgreementRefused(Kind kind, String code, String message, List<FieldError> errors) {
    this(kind, code, message, errors, null, null);
  }

  private AgreementRefused(Kind kind, String code, String message, List<FieldError> errors, String subject, String subjectId) {
    super(message);
    this.subject = subject;
    this.subjectId = subjectId;
    this.kind = kind;
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public static AgreementRefused invalid(String message, List<FieldError> errors) {
    return new AgreementRefused(Kind.INVALID, "invalid", message, errors);
  }

  public static AgreementRefused notFound(String what, String id) {
    return new AgreementRefused(Kind.NOT_FOUND, "not-found", "No " + what + " " + id, List.of(), what, id);
  }

  public static AgreementRefused conflict(String message) {
    return new AgreementRefused(Kind.CONFLICT, "conflict", message, List.of());
  }

  public static AgreementRefused rule(String code, String message) {
    return new AgreementRefused(Kind.RULE, code, message, List.of());
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  /** For {@link Kind#NOT_FOUND}: what was not found. */
  public String subject() {
    return subject;
  }

  /** For {@link Kind#NOT_FOUND}: the id of what was not found. */
  public String subjectId() {
    return subjectId;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
