package io.reelx.exchange.rights.ema.domain;

/** Why a row of an imported file is refused: row number (header = 1), column header, reason. */
public record RowError(int row, String column, String reason) {}
