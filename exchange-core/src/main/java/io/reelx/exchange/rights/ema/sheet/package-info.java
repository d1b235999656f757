/** EMA Avails files: the streaming .xlsx writer, the XML writer and the bounded .xlsx/CSV readers (Apache POI). */
package io.reelx.exchange.rights.ema.sheet;
