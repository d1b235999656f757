package io.reelx.settlement.ledger.domain;

/**
 * What an account stands for. Balances are read from the exchange's point of view: a credit
 * balance on an ORGANIZATION account is what the exchange owes that organisation, a debit balance
 * what the organisation owes.
 */
public enum AccountKind {
  /** One per organisation and currency: platforms, licensors, co-producers, authors. */
  ORGANIZATION,
  /** The exchange's service-fee income, per currency. */
  EXCHANGE_FEES,
  /** Tax withheld from cross-border payees, owed to the tax authority until remitted. */
  WITHHOLDING_TAX,
  /** Deposits captured from holds, waiting to be applied to a price or forfeited. */
  DEPOSIT_ESCROW,
  /** The exchange's bank account: money really in (receipts) and really out (payouts, remittances). */
  BANK
}
