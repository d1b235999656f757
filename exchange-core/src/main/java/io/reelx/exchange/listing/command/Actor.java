package io.reelx.exchange.listing.command;

/** Who sends a listing command: the user, its organisation, and whether it acts as operator. */
public record Actor(String userId, String organizationId, boolean operator) {}
