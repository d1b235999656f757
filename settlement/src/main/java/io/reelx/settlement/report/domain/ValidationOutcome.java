package io.reelx.settlement.report.domain;

import java.util.List;

/**
 * What reading a report found. The report is acceptable only if {@link #isValid()}; otherwise
 * nothing of it may be stored (callers aggregate into a scratch value and drop it).
 *
 * @param errors the first {@link ErrorSink#MAX_KEPT} errors, in line order
 * @param errorCount all errors, including those not kept
 */
public record ValidationOutcome(long lines, long validLines, List<LineError> errors, long errorCount) {

  public boolean isValid() {
    return errorCount == 0;
  }

  public boolean errorsTruncated() {
    return errorCount > errors.size();
  }
}
