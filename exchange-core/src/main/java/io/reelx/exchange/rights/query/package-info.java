/** The rights register (titles, holdings, grants) that avails and listing submission read. */
package io.reelx.exchange.rights.query;
