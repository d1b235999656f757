package io.reelx.exchange.shared.domain;

/**
 * A well-formed request that a business rule refuses (answered 422). {@code code} is stable and
 * becomes part of the problem type; {@code detail} is for humans.
 */
public class RuleViolation extends Refusal {
  private final String code;

  public RuleViolation(String code, String detail) {
    super(detail);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
