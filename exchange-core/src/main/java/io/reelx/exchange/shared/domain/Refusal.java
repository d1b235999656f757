package io.reelx.exchange.shared.domain;

/**
 * A request the domain refuses: nothing it asked for is stored. A command that ends in a refusal
 * still commits what it had established before deciding (for example a sale phase that ended by
 * the clock), and the aggregate stays cached; any other exception rolls the command back.
 */
public abstract class Refusal extends RuntimeException {
  protected Refusal(String message) {
    super(message);
  }
}
