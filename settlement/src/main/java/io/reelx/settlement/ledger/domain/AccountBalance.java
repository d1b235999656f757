package io.reelx.settlement.ledger.domain;

/** An account's four running totals in minor units, TigerBeetle-style. */
public record AccountBalance(AccountId account, long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {

  /** Posted credits minus posted debits: positive when the exchange owes the account's owner. */
  public long postedCreditBalance() {
    return creditsPosted - debitsPosted;
  }

  /**
   * What may still leave the account: the posted credit balance less debits that are pending
   * (a held deposit will be captured from it).
   */
  public long availableCreditBalance() {
    return creditsPosted - debitsPosted - debitsPending;
  }
}
