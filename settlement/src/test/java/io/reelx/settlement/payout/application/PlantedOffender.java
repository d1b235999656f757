package io.reelx.settlement.payout.application;

import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.statement.query.PlantedInternal;

/** A service reaching into another context's internals, for SettlementArchitectureTest (never used). */
public class PlantedOffender {

  Object reach() {
    return new PlantedInternal();
  }

  /** Uses the other context through its application service: allowed. */
  public static class Fine {
    Object read(StatementService statements) {
      return statements.statements("C-1");
    }
  }
}
