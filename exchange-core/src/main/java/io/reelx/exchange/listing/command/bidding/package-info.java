/**
 * Where bids come in: the bid desk's group commit ({@link io.reelx.exchange.listing.command.bidding.BidDesk})
 * and the command that decides a batch of bids on several listings in one transaction. Write side
 * (it sends commands and loads listings from their repository), so it sits under {@code command}
 * and keeps the command side's rules; it depends on the listing aggregate, never the reverse.
 */
package io.reelx.exchange.listing.command.bidding;
