package io.reelx.settlement.reconciliation.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what one counterparty was invoiced with what the bank received from it, in one
 * currency. Receipts are matched to invoices by the invoice number they quote; the details name
 * each short, over-paid or unpaid invoice and each receipt that quotes no known invoice.
 */
public final class PaymentReconciliation {

  private PaymentReconciliation() {}

  public static Optional<Discrepancy> reconcile(OrganizationId counterparty, String currency, List<Invoice> invoices, List<Receipt> receipts) {
    Money invoiced = Money.zero(currency);
    Map<String, Money> receivedByInvoice = new LinkedHashMap<>();
    for (Invoice invoice : invoices) {
      requireParty(counterparty, invoice.counterparty());
      invoiced = invoiced.plus(invoice.amount());
      receivedByInvoice.put(invoice.number(), Money.zero(currency));
    }
    Money received = Money.zero(currency);
    List<String> details = new ArrayList<>();
    for (Receipt receipt : receipts) {
      requireParty(counterparty, receipt.counterparty());
      received = received.plus(receipt.amount());
      Money sofar = receipt.invoiceNumber() == null ? null : receivedByInvoice.get(receipt.invoiceNumber());
      if (sofar == null) {
        details.add("receipt " + receipt.bankReference() + " of " + receipt.amount() + " quotes "
            + (receipt.invoiceNumber() == null ? "no invoice" : "unknown invoice " + receipt.invoiceNumber()));
      } else {
        receivedByInvoice.put(receipt.invoiceNumber(), sofar.plus(receipt.amount()));
      }
    }
    List<String> invoiceDetails = new ArrayList<>();
    for (Invoice invoice : invoices) {
      Money got = receivedByInvoice.get(invoice.number());
      if (!got.equals(invoice.amount())) {
        Money gap = got.minus(invoice.amount());
        invoiceDetails.add("invoice " + invoice.number() + " of " + invoice.amount() + ": received " + got + " ("
            + (got.isPositive() ? (gap.isNegative() ? "short " + Money.zero(currency).minus(gap) : "over by " + gap) : "unpaid") + ")");
      }
    }
    invoiceDetails.addAll(details);
    if (invoiced.equals(received) && invoiceDetails.isEmpty()) {
      return Optional.empty();
    }
    if (invoiced.equals(received)) {
      // totals agree but receipts do not match invoices: still for finance to look at
      invoiceDetails.add(0, "totals agree but receipts do not match invoices");
    }
    Money difference = received.minus(invoiced);
    String explanation = counterparty + " was invoiced " + invoiced + " and paid " + received + " (difference " + difference + ")";
    return Optional.of(new Discrepancy("payments:" + counterparty + ":" + currency, Discrepancy.Kind.PAYMENT_MISMATCH,
        counterparty.value(), invoiced, received, difference, explanation, invoiceDetails, null));
  }

  private static void requireParty(OrganizationId expected, OrganizationId actual) {
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException("reconciling " + expected + " but got a document of " + actual);
    }
  }
}
