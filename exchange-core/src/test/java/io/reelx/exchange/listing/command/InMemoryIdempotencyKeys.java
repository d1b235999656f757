package io.reelx.exchange.listing.command;

import io.reelx.exchange.shared.idempotency.IdempotencyKeys;
import io.reelx.exchange.shared.idempotency.KeyAlreadyUsed;
import io.reelx.exchange.shared.idempotency.KeyReused;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import java.util.HashMap;
import java.util.Map;

/** {@link IdempotencyKeys} in a map: the first request and answer per (owner, key) are kept. */
final class InMemoryIdempotencyKeys implements IdempotencyKeys {

  private record First(String fingerprint, String answer) {}

  private final Map<String, First> firsts = new HashMap<>();

  @Override
  public void claim(KeyedRequest request) {
    First first = firsts.get(request.owner() + "|" + request.key());
    if (first != null) {
      if (!first.fingerprint().equals(request.fingerprint())) {
        throw new KeyReused(request.key());
      }
      throw new KeyAlreadyUsed(request.key(), first.answer());
    }
  }

  @Override
  public void remember(KeyedRequest request, String answer) {
    firsts.putIfAbsent(request.owner() + "|" + request.key(), new First(request.fingerprint(), answer));
  }
}
