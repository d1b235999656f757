package io.reelx.exchange.config;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.IdentifierFactory;

/**
 * Identifiers for Axon's messages: random (version 4) UUIDs from a per-thread generator. Message
 * ids need to be unique, not unguessable; the default draws every one from one shared
 * SecureRandom, which the bid path contends on. Secrets (API tokens) keep using SecureRandom.
 */
public final class MessageIdentifiers extends IdentifierFactory {

  @Override
  public String generateIdentifier() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }
}
