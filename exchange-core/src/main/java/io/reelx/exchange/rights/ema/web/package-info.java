/** HTTP: EMA Avails export (xlsx/XML, current or as of a date), holdings import and the comparison import. */
package io.reelx.exchange.rights.ema.web;
