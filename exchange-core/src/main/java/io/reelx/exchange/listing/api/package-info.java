/**
 * The settlement terms of a listing as the API documents carry them, mapped to and from their
 * stored form: shared by every edge that shows them (listings, and the contracts that copy them), so
 * no context's web layer reaches into another's.
 */
package io.reelx.exchange.listing.api;
