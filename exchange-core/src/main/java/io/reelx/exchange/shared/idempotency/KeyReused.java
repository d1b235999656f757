package io.reelx.exchange.shared.idempotency;

import io.reelx.exchange.shared.domain.RuleViolation;

/** An idempotency key sent again with a different request (user, method, path or body): 422, nothing changed. */
public class KeyReused extends RuleViolation {

  public static final String CODE = "idempotency-key-reused";

  public KeyReused(String key) {
    super(CODE, "Idempotency-Key " + key + " was already used for a different request (another user, operation or"
        + " body); use a new key for a new request");
  }
}
