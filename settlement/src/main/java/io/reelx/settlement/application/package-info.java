/**
 * What settlement's application services share: the records they take and answer, one row mapper
 * per table, request checks, the agreement log port, JSON and problems. The services themselves
 * live in their contexts ({@code agreement.application.AgreementService},
 * {@code report.application.ReportService}, ...). Callers pass who acts and (through the injected
 * clock) when; access control stays with the caller.
 */
package io.reelx.settlement.application;
