/** Importing holdings from an avails file: all rows or none, through the title aggregate's RecordHolding. */
package io.reelx.exchange.rights.ema.command;
