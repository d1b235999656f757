package io.reelx.settlement.reconciliation.domain;

import io.reelx.settlement.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * A mismatch finance must look at: what was expected, what was found, the difference ({@code
 * actual - expected}), a one-line explanation and the details behind it (which rule, which lines,
 * how much). Open until resolved; resolved once, with a reason.
 */
public record Discrepancy(
    String id,
    Kind kind,
    String subject,
    Money expected,
    Money actual,
    Money difference,
    String explanation,
    List<String> details,
    Resolution resolution) {

  public enum Kind {
    /** The platform's declared payable differs from the computed one. */
    PAYABLE_MISMATCH,
    /** What a counterparty was invoiced differs from what the bank received. */
    PAYMENT_MISMATCH,
    /** A revenue report has lines outside the licensed territories or media (terms accept them with a discrepancy). */
    OUT_OF_WINDOW_LINES
  }

  public Discrepancy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    details = List.copyOf(details);
  }

  public boolean isOpen() {
    return resolution == null;
  }

  /** The same discrepancy, resolved. A resolution is final: resolving twice is refused. */
  public Discrepancy resolve(Resolution resolution) {
    Objects.requireNonNull(resolution, "resolution");
    if (!isOpen()) {
      throw new IllegalStateException("discrepancy " + id + " was already resolved: " + this.resolution);
    }
    return new Discrepancy(id, kind, subject, expected, actual, difference, explanation, details, resolution);
  }
}
