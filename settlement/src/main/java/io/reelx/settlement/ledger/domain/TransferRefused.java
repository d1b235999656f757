package io.reelx.settlement.ledger.domain;

/** A persistent ledger refused a transfer of a batch: nothing of the batch was recorded. */
public final class TransferRefused extends RuntimeException {

  private final TransferResult.Refused refusal;

  public TransferRefused(TransferResult.Refused refusal) {
    super(refusal.reason() + ": " + refusal.detail());
    this.refusal = refusal;
  }

  public TransferResult.Refused refusal() {
    return refusal;
  }
}
