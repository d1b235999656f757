package io.reelx.exchange.shared.idempotency;

/**
 * The command side of idempotency keys, used in the transaction that makes a keyed change:
 * {@link #claim} before deciding, {@link #remember} with what was created, both committed with
 * the change or not at all.
 */
public interface IdempotencyKeys {

  /**
   * Takes {@code request}'s key for this transaction. Never waits (the caller may hold aggregate
   * locks): a key that another request is using right now, or that this request has used before,
   * is {@link KeyAlreadyUsed}; a key used before by another request is {@link KeyReused}.
   */
  void claim(KeyedRequest request);

  /** The key now answers {@code answer} (the id of what the request created or touched). */
  void remember(KeyedRequest request, String answer);
}
