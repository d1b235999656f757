package io.reelx.exchange.rights.domain;

import java.util.List;

/**
 * The answer to an {@link AvailsRequest}. {@code availableTerritories} is the partial-window
 * answer: the requested territories for which the whole requested media x languages x term is free;
 * it may be empty.
 */
public record Avails(
    AvailsRequest request,
    boolean available,
    List<Blocker> blockers,
    TerritorySet availableTerritories) {
  public Avails {
    blockers = List.copyOf(blockers);
    if (available != blockers.isEmpty()) {
      throw new IllegalArgumentException("available exactly when nothing blocks");
    }
  }
}
