package io.reelx.exchange.shared.domain;

/** The resource is not in a state that allows the change (answered 409). */
public class StateConflict extends Refusal {
  public StateConflict(String detail) {
    super(detail);
  }
}
