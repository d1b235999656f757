/** Money as integer minor units of an ISO 4217 currency: the shared kernel of trading and settlement. */
package io.reelx.settlement.money;
