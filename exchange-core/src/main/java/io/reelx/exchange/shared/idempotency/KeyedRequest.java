package io.reelx.exchange.shared.idempotency;

/**
 * A request that carries an {@code Idempotency-Key}: the organisation the key belongs to, the key,
 * and the fingerprint of the request (SHA-256 of the user, method, path, query and body). Two
 * requests are the same request when their fingerprints are equal.
 */
public record KeyedRequest(String owner, String key, String fingerprint) {

  public KeyedRequest {
    if (owner == null || key == null || fingerprint == null) {
      throw new IllegalArgumentException("owner, key and fingerprint are required");
    }
  }

  /** The name the key's advisory lock is taken under. */
  String lockName() {
    return "idempotency\n" + owner + "\n" + key;
  }
}
