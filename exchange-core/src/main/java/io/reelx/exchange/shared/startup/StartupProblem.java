package io.reelx.exchange.shared.startup;

/**
 * A setting that keeps the exchange from starting; its message says which and why, in one line,
 * and {@link #action} what to do (config's failure analyser prints both, without a stack trace).
 */
public class StartupProblem extends IllegalStateException {
  private final String action;

  public StartupProblem(String message, String action) {
    super(message);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
