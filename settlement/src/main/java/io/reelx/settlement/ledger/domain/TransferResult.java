package io.reelx.settlement.ledger.domain;

/** What the ledger did with a transfer. */
public sealed interface TransferResult {

  Transfer transfer();

  /** Recorded now. */
  record Accepted(Transfer transfer) implements TransferResult {}

  /** The same transfer was recorded before: nothing changed, {@code transfer} is the original. */
  record Replayed(Transfer transfer) implements TransferResult {}

  /** Not recorded; nothing changed. */
  record Refused(Transfer transfer, Reason reason, String detail) implements TransferResult {}

  enum Reason {
    ID_REUSED_WITH_DIFFERENT_CONTENT,
    ACCOUNT_NOT_FOUND,
    SAME_ACCOUNT,
    CURRENCY_MISMATCH,
    AMOUNT_NOT_POSITIVE,
    PENDING_NOT_FOUND,
    NOT_A_HOLD,
    HOLD_ALREADY_POSTED,
    HOLD_ALREADY_VOIDED,
    ACCOUNTS_DIFFER_FROM_HOLD,
    EXCEEDS_HOLD,
    BATCH_ABORTED
  }

  default boolean isRecorded() {
    return !(this instanceof Refused);
  }
}
