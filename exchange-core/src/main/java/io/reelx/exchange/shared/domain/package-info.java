/** Shared kernel of the exchange: the exceptions every context raises for the web layer to map. */
package io.reelx.exchange.shared.domain;
