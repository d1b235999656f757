package io.reelx.exchange.listing.command;

/**
 * What a listing command changed: the aggregate version after it, and the id of what it created
 * or touched (registration, bid).
 */
public record Result(long version, String id) {

  /** Nothing changed (a repeated request): any view of {@code id} is current. */
  public static Result unchanged(String id) {
    return new Result(0, id);
  }
}
