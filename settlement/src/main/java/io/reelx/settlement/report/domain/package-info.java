/** Revenue reports: report lines, their line-by-line validation, the streaming CSV reader and period totals. */
package io.reelx.settlement.report.domain;
