package io.reelx.settlement.ledger.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.List;

/**
 * The transfers of a bidder's deposit. Lifecycle: the platform pays it in ({@link #received}),
 * it is HELD (a pending transfer from the platform to escrow), then exactly one of: RELEASED
 * (the hold is voided: a losing bidder), APPLIED (the hold is posted to escrow and passed to the
 * licensor toward the price) or FORFEITED (posted, then passed to the beneficiary: a winner who
 * did not sign). Ids derive from the deposit id, so retries replay.
 */
public final class DepositPlan {

  private DepositPlan() {}

  public static Transfer received(String depositId, OrganizationId platform, Money amount) {
    return Transfer.posted("deposit:" + depositId + ":received", AccountId.system(AccountKind.BANK, amount.currency()),
        AccountId.organization(platform, amount.currency()), amount, TransferCode.BANK_RECEIPT);
  }

  public static Transfer hold(String depositId, OrganizationId platform, Money amount) {
    return Transfer.pending("deposit:" + depositId + ":hold", AccountId.organization(platform, amount.currency()),
        AccountId.system(AccountKind.DEPOSIT_ESCROW, amount.currency()), amount, TransferCode.DEPOSIT_HOLD);
  }

  public static Transfer release(String depositId, Transfer hold) {
    return Transfer.voidHold("deposit:" + depositId + ":release", hold, TransferCode.DEPOSIT_RELEASE);
  }

  public static List<Transfer> apply(String depositId, Transfer hold, OrganizationId licensor) {
    return List.of(capture(depositId, hold), Transfer.posted("deposit:" + depositId + ":applied", hold.credit(),
        AccountId.organization(licensor, hold.amount().currency()), hold.amount(), TransferCode.DEPOSIT_APPLIED));
  }

  public static List<Transfer> forfeit(String depositId, Transfer hold, AccountId beneficiary) {
    return List.of(capture(depositId, hold), Transfer.posted("deposit:" + depositId + ":forfeited", hold.credit(), beneficiary,
        hold.amount(), TransferCode.DEPOSIT_FORFEITED));
  }

  /** Posts the whole hold into escrow (the winner's deposit, before it is applied or forfeited). */
  public static Transfer capture(String depositId, Transfer hold) {
    return Transfer.post("deposit:" + depositId + ":capture", hold, hold.amount(), TransferCode.DEPOSIT_CAPTURE);
  }

  /** A captured deposit goes back to the platform. */
  public static Transfer refund(String depositId, OrganizationId platform, Money amount) {
    return Transfer.posted("deposit:" + depositId + ":refunded", AccountId.system(AccountKind.DEPOSIT_ESCROW, amount.currency()),
        AccountId.organization(platform, amount.currency()), amount, TransferCode.DEPOSIT_REFUNDED);
  }

  /** A captured deposit counts toward the price: escrow -> licensor. */
  public static Transfer applyCaptured(String depositId, OrganizationId licensor, Money amount) {
    return Transfer.posted("deposit:" + depositId + ":applied", AccountId.system(AccountKind.DEPOSIT_ESCROW, amount.currency()),
        AccountId.organization(licensor, amount.currency()), amount, TransferCode.DEPOSIT_APPLIED);
  }

  /** A captured deposit is forfeited to {@code beneficiary}. */
  public static Transfer forfeitCaptured(String depositId, AccountId beneficiary, Money amount) {
    return Transfer.posted("deposit:" + depositId + ":forfeited", AccountId.system(AccountKind.DEPOSIT_ESCROW, amount.currency()),
        beneficiary, amount, TransferCode.DEPOSIT_FORFEITED);
  }

  /** Every account a deposit may touch. */
  public static List<AccountId> accounts(OrganizationId platform, String currency) {
    return List.of(AccountId.system(AccountKind.BANK, currency), AccountId.organization(platform, currency),
        AccountId.system(AccountKind.DEPOSIT_ESCROW, currency));
  }
}
