/**
 * Finance's pages: deposits to record, invoices and payments, reconciliation, payouts with four
 * eyes, the ledger and FX rates, statement CSV exports; every call into settlement goes through
 * {@link io.reelx.exchange.web.finance.FinanceDesk}.
 */
package io.reelx.exchange.web.finance;
