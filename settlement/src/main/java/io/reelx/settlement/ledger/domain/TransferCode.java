package io.reelx.settlement.ledger.domain;

/** Why money moved. Stored with every transfer; names are stable (they are data). */
public enum TransferCode {
  /** Platform -> payee: a payee's net share of a statement. */
  STATEMENT_PAYEE_NET,
  /** Platform -> exchange fees: the exchange's service fee on a statement. */
  STATEMENT_EXCHANGE_FEE,
  /** Platform -> withholding tax: tax withheld from a cross-border payee. */
  STATEMENT_WITHHOLDING_TAX,
  /** A restatement's change of a payee's net share (reversed accounts when it shrinks). */
  ADJUSTMENT_PAYEE_NET,
  /** A restatement's change of the exchange fee. */
  ADJUSTMENT_EXCHANGE_FEE,
  /** A restatement's change of withholding tax. */
  ADJUSTMENT_WITHHOLDING_TAX,
  /** Bank -> organisation: money received from an organisation. */
  BANK_RECEIPT,
  /** Organisation -> bank: money paid out to an organisation. */
  PAYOUT,
  /** Withholding tax -> bank: withheld tax paid to the authority. */
  TAX_REMITTANCE,
  /** Platform -> deposit escrow, PENDING: a bidder's deposit held. */
  DEPOSIT_HOLD,
  /** Voids a DEPOSIT_HOLD: the deposit is released back to the platform. */
  DEPOSIT_RELEASE,
  /** Posts a DEPOSIT_HOLD into escrow, before it is applied or forfeited. */
  DEPOSIT_CAPTURE,
  /** Escrow -> licensor: the winner's deposit counts toward the price. */
  DEPOSIT_APPLIED,
  /** Escrow -> beneficiary: the deposit of a winner who did not sign is forfeited. */
  DEPOSIT_FORFEITED,
  /** Escrow -> platform: a captured deposit goes back (the contract fell through, not the platform's fault). */
  DEPOSIT_REFUNDED,
  /** Licensee -> licensor: the contract price still due after the deposit, invoiced on activation. */
  LICENCE_PRICE,
  /** Licensee -> payees: the minimum guarantee advance, invoiced on activation. */
  MINIMUM_GUARANTEE
}
