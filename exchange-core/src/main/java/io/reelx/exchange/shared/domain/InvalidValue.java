package io.reelx.exchange.shared.domain;

/**
 * A value that is malformed or out of range, named by the field it came from. The web layer
 * answers it as 400 with a field error; nothing is changed.
 */
public class InvalidValue extends Refusal {
  private final String field;
  private final String reason;

  public InvalidValue(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
