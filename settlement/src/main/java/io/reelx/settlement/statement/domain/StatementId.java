package io.reelx.settlement.statement.domain;

import java.util.Objects;

/**
 * One statement: a contract's period (e.g. {@code 2026-10}) at one statement version (1, 2, ...).
 * A period's first report makes version 1; each restatement of it, and each restatement of an
 * earlier period that re-rates it, makes the next one.
 *
 * <p>Two spellings, one id: {@link #toString()} ({@code C-1/2026-10/v2}) is the stored key and
 * the prefix of ledger transfer ids; {@link #inContract()} ({@code 2026-10-v2}) is how the API
 * names it under its contract (in paths, report outcomes and reconciliation alike).
 */
public record StatementId(String contractId, String period, int version) {

  private static final java.util.regex.Pattern STORED = java.util.regex.Pattern.compile("(.+)/(\\d{4}-\\d{2})/v(\\d{1,9})");
  private static final java.util.regex.Pattern IN_CONTRACT = java.util.regex.Pattern.compile("(\\d{4}-\\d{2})-v(\\d{1,9})");

  public StatementId {
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(period, "period");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1, not " + version);
    }
  }

  /** Reads the stored form {@code contract/period/vN}. */
  public static StatementId parse(String stored) {
    java.util.regex.Matcher m = STORED.matcher(stored);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a statement id: " + stored);
    }
    return new StatementId(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  /** Reads the API form {@code period-vN} of a statement of {@code contractId}; empty if it is not one. */
  public static java.util.Optional<StatementId> inContract(String contractId, String id) {
    java.util.regex.Matcher m = id == null ? null : IN_CONTRACT.matcher(id);
    if (m == null || !m.matches()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new StatementId(contractId, m.group(1), Integer.parseInt(m.group(2))));
  }

  /** The API form, under the contract: {@code 2026-10-v2}. */
  public String inContract() {
    return period + "-v" + version;
  }

  @Override
  public String toString() {
    return contractId + "/" + period + "/v" + version;
  }
}
