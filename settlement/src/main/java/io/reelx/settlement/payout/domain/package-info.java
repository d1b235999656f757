/** Payout policies: four eyes, and paying out only what is covered. */
package io.reelx.settlement.payout.domain;
