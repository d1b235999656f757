package io.reelx.settlement.ledger.domain;

import io.reelx.settlement.money.Money;
import java.util.Objects;

/**
 * An immutable movement of a positive amount from {@code debit} to {@code credit} (same currency).
 * The id is the idempotency key: submitting the same transfer again is a no-op that returns the
 * original; the same id with other content is refused.
 *
 * <p>Two-phase holds: a {@link Phase#PENDING} transfer reserves the amount without posting it; a
 * later {@link Phase#POST_PENDING} (amount up to the held amount, the rest is released) or {@link
 * Phase#VOID_PENDING} names it in {@code pendingId} and must repeat its accounts.
 */
public record Transfer(TransferId id, AccountId debit, AccountId credit, Money amount, TransferCode code, Phase phase, TransferId pendingId) {

  public enum Phase {
    /** Single-phase: posted at once. */
    POSTED,
    PENDING,
    POST_PENDING,
    VOID_PENDING
  }

  public Transfer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(debit, "debit");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(phase, "phase");
    boolean resolvesAHold = phase == Phase.POST_PENDING || phase == Phase.VOID_PENDING;
    if (resolvesAHold != (pendingId != null)) {
      throw new IllegalArgumentException("pendingId is required for, and only for, post and void of a hold");
    }
  }

  public static Transfer posted(String id, AccountId debit, AccountId credit, Money amount, TransferCode code) {
    return new Transfer(new TransferId(id), debit, credit, amount, code, Phase.POSTED, null);
  }

  public static Transfer pending(String id, AccountId debit, AccountId credit, Money amount, TransferCode code) {
    return new Transfer(new TransferId(id), debit, credit, amount, code, Phase.PENDING, null);
  }

  /** Posts {@code amount} of the hold (at most its amount; the rest is released). */
  public static Transfer post(String id, Transfer hold, Money amount, TransferCode code) {
    return new Transfer(new TransferId(id), hold.debit(), hold.credit(), amount, code, Phase.POST_PENDING, hold.id());
  }

  public static Transfer voidHold(String id, Transfer hold, TransferCode code) {
    return new Transfer(new TransferId(id), hold.debit(), hold.credit(), hold.amount(), code, Phase.VOID_PENDING, hold.id());
  }
}
