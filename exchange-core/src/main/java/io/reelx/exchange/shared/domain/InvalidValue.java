package io.reelx.exchange.shared.domain;

/**
 * A value that is malformed or out of range, named by the field it came from. The web layer
 * answers it as 400 with a field error; nothing is changed.
 */
public class InvalidValue extends Refusal {
  private final String field;
  private final String reason;
  private final java.util.List<Field> fields;

  /** One field and why it is refused. */
  public record Field(String field, String reason) {}

  public InvalidValue(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
    this.fields = java.util.List.of(new Field(field, reason));
  }

  /** Several fields at once (every problem of a document, not only the first). */
  public InvalidValue(java.util.List<Field> fields) {
    super(fields.size() == 1 ? fields.get(0).field() + ": " + fields.get(0).reason()
        : fields.size() + " fields are invalid, first " + fields.get(0).field() + ": " + fields.get(0).reason());
    this.field = fields.get(0).field();
    this.reason = fields.get(0).reason();
    this.fields = java.util.List.copyOf(fields);
  }

  /** Every refused field. */
  public java.util.List<Field> fields() {
    return fields;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
