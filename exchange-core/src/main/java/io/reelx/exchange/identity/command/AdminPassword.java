package io.reelx.exchange.identity.command;

import io.reelx.exchange.shared.startup.StartupProblem;
import java.nio.charset.StandardCharsets;

/**
 * The rule for the operator password of a first start ({@code REELX_ADMIN_PASSWORD}): checked by
 * the start-up checks before anything slow starts, and again by {@link AdminBootstrap} when only
 * the database tells that this is a first start.
 */
public final class AdminPassword {

  static final int MIN_CHARACTERS = 12;
  /** bcrypt reads at most 72 bytes of a password: a longer one could not be checked as typed. */
  static final int MAX_BYTES = 72;

  private AdminPassword() {}

  /** The problem of a first start without an operator password. */
  public static StartupProblem missing() {
    return new StartupProblem("First start: REELX_ADMIN_PASSWORD is not set; it is needed (" + MIN_CHARACTERS
        + " characters to " + MAX_BYTES + " bytes in UTF-8) to create the operator account 'admin'",
        "Set REELX_ADMIN_PASSWORD, or start with --demo.");
  }

  /** Refuses an operator password that is set but cannot be used. */
  public static void checkLength(String password) {
    if (password.isBlank()) {
      return;
    }
    int bytes = password.getBytes(StandardCharsets.UTF_8).length;
    if (password.length() < MIN_CHARACTERS || bytes > MAX_BYTES) {
      throw new StartupProblem("REELX_ADMIN_PASSWORD has " + password.length() + " characters (" + bytes
          + " bytes); it must have at least " + MIN_CHARACTERS + " characters and at most " + MAX_BYTES
          + " bytes in UTF-8", password.length() < MIN_CHARACTERS ? "Set a longer REELX_ADMIN_PASSWORD."
          : "Set a shorter REELX_ADMIN_PASSWORD.");
    }
  }
}
