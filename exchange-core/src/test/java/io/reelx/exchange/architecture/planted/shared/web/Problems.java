package io.reelx.exchange.architecture.planted.shared.web;

/** What every web layer may use. */
public final class Problems {
  private Problems() {}

  public static String code(String reason) {
    return reason.toLowerCase(java.util.Locale.ROOT);
  }
}
