package io.reelx.exchange.listing.command;

import java.util.Optional;

/**
 * Remembers which idempotency keys a command has already answered, in the command's own
 * transaction: the first answer is kept, a retry gets it back and changes nothing.
 */
public interface IdempotencyKeys {

  Optional<String> answered(String scope, String key);

  void remember(String scope, String key, String answer);
}
