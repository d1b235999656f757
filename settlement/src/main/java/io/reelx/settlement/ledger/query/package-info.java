/** The ledger on PostgreSQL: accounts with running totals, immutable transfers, holds, trial balance. */
package io.reelx.settlement.ledger.query;
