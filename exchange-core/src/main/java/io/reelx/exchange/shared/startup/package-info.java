/** What any context may throw at start-up to keep the exchange from starting, reported in one line. */
package io.reelx.exchange.shared.startup;
