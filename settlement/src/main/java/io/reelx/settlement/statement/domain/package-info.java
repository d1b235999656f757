/** Statements: the exact, step-by-step calculation of what a report pays whom, and restatement adjustments. */
package io.reelx.settlement.statement.domain;
