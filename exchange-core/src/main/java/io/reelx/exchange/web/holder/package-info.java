/**
 * The rights holder's workspace (issue 14): titles and rights held, the avails grid (now or as of
 * any past day, from the event log), the listing form with its settlement-terms builder and
 * payable preview, my listings, and contracts to read and sign.
 */
package io.reelx.exchange.web.holder;
