/**
 * Rights windows as the API documents carry them, mapped to and from the domain: shared by every
 * edge that shows a window (titles, listings, contracts), so no context's web layer reaches into
 * another's.
 */
package io.reelx.exchange.rights.api;
