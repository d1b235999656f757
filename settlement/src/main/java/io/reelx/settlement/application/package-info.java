/**
 * Settlement's application services on PostgreSQL: open agreements, take revenue reports, compute
 * and post statements, record payments, reconcile, resolve discrepancies, pay out. Callers pass
 * who acts and (through the injected clock) when; access control stays with the caller.
 */
package io.reelx.settlement.application;
