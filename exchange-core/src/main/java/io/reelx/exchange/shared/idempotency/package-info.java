/**
 * Idempotency keys as a client expects them (Stripe's semantics), for every keyed operation of
 * every context: a key is taken in the transaction that makes the change, with a fingerprint of
 * the request; a retry of the same request gets the first answer, another request under the key
 * is refused.
 */
package io.reelx.exchange.shared.idempotency;
