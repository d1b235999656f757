package io.reelx.exchange.architecture.planted.identity.command;

import io.reelx.exchange.architecture.planted.config.Groups;

/** Offender: a context takes a name from config (a call, so that it is not inlined as a constant). */
public class TakesGroupFromConfig {
  public String group() {
    return Groups.registers();
  }
}
