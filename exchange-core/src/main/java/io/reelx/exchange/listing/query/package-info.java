/** The listing search read model, fed by a tracking processor. */
package io.reelx.exchange.listing.query;
