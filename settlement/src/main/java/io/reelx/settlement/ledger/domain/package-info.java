/** The double-entry ledger: accounts, immutable transfers with idempotency keys, two-phase holds, trial balance and posting plans. */
package io.reelx.settlement.ledger.domain;
