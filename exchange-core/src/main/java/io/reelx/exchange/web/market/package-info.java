/**
 * The market pages of the web workspace: the market (announced and open listings), a listing with
 * the platform's registration and deposit state, and the live auction room. They call the same
 * commands and queries as {@code listing.web}'s API controllers.
 */
package io.reelx.exchange.web.market;
