package io.reelx.exchange.shared.idempotency;

import io.reelx.exchange.shared.domain.StateConflict;

/**
 * The same request was already made under its key ({@code answer} is what it created), or is
 * being made right now ({@code answer} is null). Nothing is changed; the web layer answers with
 * the first request's response once it is known.
 */
public class KeyAlreadyUsed extends StateConflict {

  private final transient String answer;

  public KeyAlreadyUsed(String key, String answer) {
    super(answer == null
        ? "A request with Idempotency-Key " + key + " is in progress; send it again to get its answer"
        : "The request with Idempotency-Key " + key + " was already answered");
    this.answer = answer;
  }

  /** What the first request created or touched; null while it is in progress. */
  public String answer() {
    return answer;
  }
}
