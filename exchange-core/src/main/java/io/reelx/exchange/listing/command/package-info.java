/** The listing aggregate and its commands. */
package io.reelx.exchange.listing.command;
