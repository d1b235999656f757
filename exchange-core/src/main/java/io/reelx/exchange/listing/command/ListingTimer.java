package io.reelx.exchange.listing.command;

/**
 * Payload of the listing's one deadline. A suspension stops the running chain and a resume starts
 * a new {@code generation}, so a deadline from before a suspension never acts after it.
 */
public record ListingTimer(int generation) {}
