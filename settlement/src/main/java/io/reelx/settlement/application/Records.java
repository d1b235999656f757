package io.reelx.settlement.application;

import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.report.domain.LicensedWindow;
import io.reelx.settlement.report.domain.ReportLineInput;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What settlement's application services take and answer. */
public final class Records {

  private Records() {}

  /**
   * A report's header. {@code version} null means "the next version" (or the latest, if its
   * content is identical: a retry). {@code declaredPayable} is in the contract currency.
   * {@code window} is what the contract licenses: lines outside it are refused or recorded as a
   * discrepancy, as the terms say ({@code SettlementTerms.outOfWindowLines}); null checks no window.
   */
  public record ReportHeader(String contractId, String period, Integer version, String currency, Long declaredPayable,
      LicensedWindow window) {

    /** A header whose lines are checked against no window. */
    public ReportHeader(String contractId, String period, Integer version, String currency, Long declaredPayable) {
      this(contractId, period, version, currency, declaredPayable, null);
    }
  }

  /** Where the lines come from: a CSV stream or JSON objects. */
  public sealed interface ReportSource {
    record Csv(Reader reader) implements ReportSource {}

    record Lines(List<ReportLineInput> lines) implements ReportSource {}
  }

  public record ReportRecord(String contractId, String period, int version, String currency, long declaredPayable, long lines,
      long views, BigDecimal watchHours, long gross, String contentSha256, String submittedBy, Instant submittedAt,
      String statementId) {}

  /** A submitted report and its statement; {@code replayed} when the same report had been submitted before. */
  public record ReportOutcome(ReportRecord report, StatementRecord statement, boolean replayed) {}

  /**
   * One statement version. {@code adjustment} is null for a period's first statement; a later
   * version carries what it changes against the version it replaces (per field, per payee): its
   * own period restated, or an earlier period's restatement re-rating it.
   */
  public record StatementRecord(String id, String contractId, String period, int version, long declaredPayable,
      Statement statement, StatementAdjustment adjustment, Instant createdAt) {}

  public record FxRateRecord(String from, String to, BigDecimal rate, String setBy, Instant setAt) {}

  public record ReceiptRecord(String id, String counterparty, long amount, String currency, String bankReference,
      String invoiceNumber, String period, LocalDate receivedOn, String recordedBy, Instant recordedAt) {}

  public record InvoiceRecord(String number, String contractId, String counterparty, long amount, String currency, String kind,
      String period, Instant issuedAt) {}

  public record DiscrepancyRecord(String id, String kind, String period, String subject, String contractId, String counterparty,
      long expected, long actual, String currency, String explanation, List<String> details, Resolution resolution,
      Instant foundAt) {
    public long difference() {
      return actual - expected;
    }
  }

  /** Computed vs declared for one statement. */
  public record PayableCheck(String statementId, String contractId, long computed, long declared, String currency,
      String discrepancyId) {}

  /** Invoiced vs received for one counterparty and currency. */
  public record PaymentCheck(String counterparty, String currency, long invoiced, long received, String discrepancyId) {}

  public record ReconciliationRun(String period, List<PayableCheck> payables, List<PaymentCheck> payments,
      List<DiscrepancyRecord> discrepancies) {}

  public record PayoutRecord(String id, String organizationId, long amount, String currency, String status, String requestedBy,
      Instant requestedAt, String approvedBy, Instant approvedAt) {}
}
