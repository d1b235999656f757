package io.reelx.settlement.statement.domain;

import java.util.Objects;

/** One statement: a contract's period (e.g. {@code 2026-10}) at one report version (1, 2, ...). */
public record StatementId(String contractId, String period, int version) {

  public StatementId {
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(period, "period");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1, not " + version);
    }
  }

  @Override
  public String toString() {
    return contractId + "/" + period + "/v" + version;
  }
}
