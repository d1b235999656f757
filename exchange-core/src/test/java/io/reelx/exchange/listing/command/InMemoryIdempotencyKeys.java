package io.reelx.exchange.listing.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link IdempotencyKeys} in a map: the first answer per (scope, key) is kept. */
final class InMemoryIdempotencyKeys implements IdempotencyKeys {

  private final Map<String, String> answers = new HashMap<>();

  @Override
  public Optional<String> answered(String scope, String key) {
    return Optional.ofNullable(answers.get(scope + "|" + key));
  }

  @Override
  public void remember(String scope, String key, String answer) {
    answers.putIfAbsent(scope + "|" + key, answer);
  }
}
