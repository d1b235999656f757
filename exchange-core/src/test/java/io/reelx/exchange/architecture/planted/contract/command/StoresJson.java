package io.reelx.exchange.architecture.planted.contract.command;

import tools.jackson.databind.json.JsonMapper;

/** Offender: a command package writes JSON. */
public class StoresJson {
  public String store(JsonMapper json, Object offer) {
    return json.writeValueAsString(offer);
  }
}
