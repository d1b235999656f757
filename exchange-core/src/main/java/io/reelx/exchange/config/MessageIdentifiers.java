package io.reelx.exchange.config;

import io.reelx.exchange.shared.domain.Uuids;
import org.axonframework.common.IdentifierFactory;

/**
 * Identifiers for Axon's messages: random (version 4) UUIDs from a per-thread generator. Message
 * ids need to be unique, not unguessable; the default draws every one from one shared
 * SecureRandom, which the bid path contends on. Secrets (API tokens) keep using SecureRandom.
 */
public final class MessageIdentifiers extends IdentifierFactory {

  @Override
  public String generateIdentifier() {
    return Uuids.random();
  }
}
