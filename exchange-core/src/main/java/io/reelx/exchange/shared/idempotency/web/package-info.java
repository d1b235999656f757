/**
 * The HTTP side of idempotency keys, once for every keyed operation: the header checked, the body
 * fingerprinted as it is read, and the first response replayed (marked {@code Idempotent-Replayed}).
 */
package io.reelx.exchange.shared.idempotency.web;
