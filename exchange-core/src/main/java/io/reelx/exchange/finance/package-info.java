/** Finance: the exchange side of settlement - trading intake into settlement, its HTTP API, and its wiring ({@code SettlementConfiguration}). */
package io.reelx.exchange.finance;
