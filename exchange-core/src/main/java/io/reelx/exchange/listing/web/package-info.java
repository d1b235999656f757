/** HTTP: /listings and their review actions. */
package io.reelx.exchange.listing.web;
