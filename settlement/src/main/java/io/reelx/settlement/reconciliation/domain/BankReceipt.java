package io.reelx.settlement.reconciliation.domain;

import io.reelx.settlement.eventsourcing.EventSourced;
import io.reelx.settlement.eventsourcing.Refused;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.reconciliation.domain.ReconciliationEvent.ReceiptRecorded;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bank receipt that quotes no invoice, as a pure event-sourced stream: recorded once under its
 * id (the idempotency key); the same receipt again decides nothing, other content is a conflict.
 */
public final class BankReceipt implements EventSourced<ReceiptRecorded, ReconciliationEvent> {

  private ReceiptRecorded recorded;

  public static String streamIdOf(String receiptId) {
    return "receipt-" + receiptId;
  }

  /** The command is the receipt as it is to be recorded. */
  @Override
  public List<ReconciliationEvent> decide(ReceiptRecorded c) {
    if (recorded == null) {
      return List.of(c);
    }
    if (recorded.counterparty().equals(c.counterparty()) && recorded.amount().equals(c.amount())
        && recorded.bankReference().equals(c.bankReference()) && Objects.equals(recorded.invoiceNumber(), c.invoiceNumber())) {
      return List.of();
    }
    throw Refused.conflict("Idempotency key " + c.receiptId() + " was used for another receipt");
  }

  @Override
  public void evolve(ReconciliationEvent event) {
    if (event instanceof ReceiptRecorded e) {
      recorded = e;
    }
  }

  /** bank -> counterparty. */
  public static List<Transfer> postings(ReceiptRecorded e) {
    String currency = e.amount().currency();
    return List.of(Transfer.posted("receipt:" + e.receiptId(), AccountId.system(AccountKind.BANK, currency),
        AccountId.organization(new OrganizationId(e.counterparty()), currency), e.amount(), TransferCode.BANK_RECEIPT));
  }

  public Optional<ReceiptRecorded> recorded() {
    return Optional.ofNullable(recorded);
  }
}
