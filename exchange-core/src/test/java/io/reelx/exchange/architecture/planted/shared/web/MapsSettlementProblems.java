package io.reelx.exchange.architecture.planted.shared.web;

import io.reelx.settlement.application.SettlementProblem;

/** Offender: the shared kernel knows a settlement type. */
public class MapsSettlementProblems {
  public int status(SettlementProblem e) {
    return e instanceof SettlementProblem.NotFound ? 404 : 422;
  }
}
