package io.reelx.exchange.shared.domain;

/**
 * The resource does not exist, or belongs to another organisation and must not be revealed
 * (answered 404 either way).
 */
public class NotFound extends Refusal {
  public NotFound(String what, String id) {
    super("No " + what + " with id " + id);
  }
}
