package io.reelx.settlement.eventsourcing;

/** A stream refused a command; nothing was recorded. {@code code} is stable for {@link Kind#RULE}. */
public final class Refused extends RuntimeException {

  public enum Kind { NOT_FOUND, CONFLICT, RULE }

  private final Kind kind;
  private final String code;
  private final String subject;
  private final String subjectId;

  private Refused(Kind kind, String code, String subject, String subjectId, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.subject = subject;
    this.subjectId = subjectId;
  }

  public static Refused notFound(String subject, String id) {
    return new Refused(Kind.NOT_FOUND, null, subject, id, "No " + subject + " " + id);
  }

  public static Refused conflict(String message) {
    return new Refused(Kind.CONFLICT, null, null, null, message);
  }

  public static Refused rule(String code, String message) {
    return new Refused(Kind.RULE, code, null, null, message);
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public String subject() {
    return subject;
  }

  public String subjectId() {
    return subjectId;
  }
}
