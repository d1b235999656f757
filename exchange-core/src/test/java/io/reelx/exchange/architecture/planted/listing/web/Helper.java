package io.reelx.exchange.architecture.planted.listing.web;

import io.reelx.exchange.architecture.planted.shared.web.Problems;

/** A listing web helper: its own web layer and shared.web may use it. */
public final class Helper {
  private Helper() {}

  public static String code(String reason) {
    return Problems.code(reason);
  }
}
