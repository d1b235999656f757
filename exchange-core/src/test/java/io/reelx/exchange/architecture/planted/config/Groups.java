package io.reelx.exchange.architecture.planted.config;

/** The wiring's names, which no context may take from it. */
public final class Groups {
  private Groups() {}

  public static String registers() {
    return "registers";
  }
}
