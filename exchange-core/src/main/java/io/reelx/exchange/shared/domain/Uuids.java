package io.reelx.exchange.shared.domain;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs from a per-thread generator, for identifiers that must be unique but
 * need not be unguessable (message ids, correlation ids). {@link UUID#randomUUID()} draws every one
 * from one shared SecureRandom, whose locks the request threads queued on (issue 17: the most
 * contended monitor while bidding over HTTP). Secrets (API tokens, passwords) keep SecureRandom.
 */
public final class Uuids {

  private Uuids() {
  }

  public static String random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }
}
