/** Reconciliation: computed vs declared payables, invoiced vs received payments, discrepancies and their resolution. */
package io.reelx.settlement.reconciliation.domain;
