/** Running the exchange: what operators look at and act on besides the market itself. */
package io.reelx.exchange.operations;
