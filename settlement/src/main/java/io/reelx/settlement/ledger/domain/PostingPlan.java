package io.reelx.settlement.ledger.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.statement.domain.PayeeLine;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which transfers a statement (or a restatement's adjustment) produces. The platform's account is
 * debited with the whole payable; each payee's account is credited with its net, the exchange-fee
 * account with the fee, the withholding-tax account with each payee's withheld tax. Zero amounts
 * produce no transfer. Ids are derived from the statement id, so posting a statement twice is a
 * replay, never a double charge.
 */
public final class PostingPlan {

  private PostingPlan() {}

  public static List<Transfer> forStatement(Statement statement, OrganizationId platform) {
    String currency = statement.currency();
    AccountId payer = AccountId.organization(platform, currency);
    String prefix = "statement:" + statement.id() + ":";
    List<Transfer> plan = new ArrayList<>();
    addIfPositive(plan, prefix + "fee", payer, AccountId.system(AccountKind.EXCHANGE_FEES, currency), statement.exchangeFee(),
        TransferCode.STATEMENT_EXCHANGE_FEE);
    for (PayeeLine payee : statement.payees()) {
      AccountId account = AccountId.organization(payee.organization(), currency);
      addIfPositive(plan, prefix + "tax:" + payee.organization(), payer, AccountId.system(AccountKind.WITHHOLDING_TAX, currency),
          payee.withholdingTax(), TransferCode.STATEMENT_WITHHOLDING_TAX);
      addIfPositive(plan, prefix + "net:" + payee.organization(), payer, account, payee.net(), TransferCode.STATEMENT_PAYEE_NET);
    }
    return plan;
  }

  /** A restatement's deltas: positive ones in the statement's direction, negative ones reversed. */
  public static List<Transfer> forAdjustment(StatementAdjustment adjustment, OrganizationId platform) {
    String currency = adjustment.payable().currency();
    AccountId payer = AccountId.organization(platform, currency);
    String prefix = "adjustment:" + adjustment.replacement() + ":";
    List<Transfer> plan = new ArrayList<>();
    addSigned(plan, prefix + "fee", payer, AccountId.system(AccountKind.EXCHANGE_FEES, currency), adjustment.exchangeFee(),
        TransferCode.ADJUSTMENT_EXCHANGE_FEE);
    for (StatementAdjustment.PayeeAdjustment payee : adjustment.payees()) {
      addSigned(plan, prefix + "tax:" + payee.organization(), payer, AccountId.system(AccountKind.WITHHOLDING_TAX, currency),
          payee.withholdingTax(), TransferCode.ADJUSTMENT_WITHHOLDING_TAX);
      addSigned(plan, prefix + "net:" + payee.organization(), payer, AccountId.organization(payee.organization(), currency),
          payee.net(), TransferCode.ADJUSTMENT_PAYEE_NET);
    }
    return plan;
  }

  /** Every account the transfers touch, for opening them before posting. */
  public static Set<AccountId> accounts(List<Transfer> plan) {
    Set<AccountId> accounts = new LinkedHashSet<>();
    for (Transfer transfer : plan) {
      accounts.add(transfer.debit());
      accounts.add(transfer.credit());
    }
    return accounts;
  }

  private static void addIfPositive(List<Transfer> plan, String id, AccountId debit, AccountId credit, Money amount, TransferCode code) {
    if (amount.isPositive()) {
      plan.add(Transfer.posted(id, debit, credit, amount, code));
    }
  }

  private static void addSigned(List<Transfer> plan, String id, AccountId debit, AccountId credit, Money amount, TransferCode code) {
    if (amount.isPositive()) {
      plan.add(Transfer.posted(id, debit, credit, amount, code));
    } else if (amount.isNegative()) {
      plan.add(Transfer.posted(id, credit, debit, Money.zero(amount.currency()).minus(amount), code));
    }
  }
}
