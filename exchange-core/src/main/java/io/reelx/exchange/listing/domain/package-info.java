/** Listings: what a rights holder offers for licence, on what sale terms, and their review. */
package io.reelx.exchange.listing.domain;
