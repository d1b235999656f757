/** The titles an avails export or comparison reads: from the rights register now, or folded from the event log as of a date. */
package io.reelx.exchange.rights.ema.query;
