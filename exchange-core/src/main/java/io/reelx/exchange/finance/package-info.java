/** Finance: the exchange side of settlement - trading intake into settlement, and its HTTP API. */
package io.reelx.exchange.finance;
