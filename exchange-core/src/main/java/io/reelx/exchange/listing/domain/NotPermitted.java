package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.Refusal;

/**
 * The actor's role does not allow this (only the holder, only an operator). The domain refuses
 * without knowing how the edge answers it; the web layer answers 403.
 */
public class NotPermitted extends Refusal {
  public NotPermitted(String message) {
    super(message);
  }
}
