package io.reelx.settlement.application;

import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.application.Records.DiscrepancyRecord;
import io.reelx.settlement.application.Records.FxRateRecord;
import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.application.Records.ReceiptRecord;
import io.reelx.settlement.application.Records.ReportRecord;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/**
 * Settlement's rows as records, one mapper per table ({@code SELECT *}), shared by the contexts'
 * application services so that each table is read one way.
 */
public final class Rows {

  private Rows() {}

  public static Agreement agreement(ResultSet rs) throws SQLException {
    return new Agreement(rs.getString("contract_id"), rs.getString("currency").trim(), rs.getString("licensor_org_id"),
        rs.getString("licensee_org_id"), SettlementJson.read(rs.getString("terms"), SettlementTerms.class),
        SettlementJson.read(rs.getString("position"), SettlementPosition.class), rs.getTimestamp("opened_at").toInstant(),
        rs.getObject("ends_on", LocalDate.class));
  }

  public static ReportRecord report(ResultSet rs) throws SQLException {
    StatementId id = new StatementId(rs.getString("contract_id"), rs.getString("period"), rs.getInt("version"));
    return new ReportRecord(id.contractId(), id.period(), id.version(), rs.getString("currency").trim(), rs.getLong("declared_payable"),
        rs.getLong("lines"), rs.getLong("views"), rs.getBigDecimal("watch_hours"), rs.getLong("gross"), rs.getString("content_sha256"),
        rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
        rs.getString("statement_id") == null ? id.toString() : rs.getString("statement_id"));
  }

  public static StatementRecord statement(ResultSet rs) throws SQLException {
    return new StatementRecord(rs.getString("id"), rs.getString("contract_id"), rs.getString("period"), rs.getInt("version"),
        rs.getLong("declared"), SettlementJson.read(rs.getString("breakdown"), Statement.class),
        rs.getString("adjustment") == null ? null : SettlementJson.read(rs.getString("adjustment"), StatementAdjustment.class),
        rs.getTimestamp("created_at").toInstant());
  }

  public static InvoiceRecord invoice(ResultSet rs) throws SQLException {
    return new InvoiceRecord(rs.getString("number"), rs.getString("contract_id"), rs.getString("counterparty"), rs.getLong("amount"),
        rs.getString("currency").trim(), rs.getString("kind"), rs.getString("period"), rs.getTimestamp("issued_at").toInstant());
  }

  public static FxRateRecord fxRate(ResultSet rs) throws SQLException {
    return new FxRateRecord(rs.getString("from_currency").trim(), rs.getString("to_currency").trim(),
        plain(rs.getBigDecimal("rate")), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
  }

  public static ReceiptRecord receipt(ResultSet rs) throws SQLException {
    return new ReceiptRecord(rs.getString("id"), rs.getString("counterparty"), rs.getLong("amount"), rs.getString("currency").trim(),
        rs.getString("bank_reference"), rs.getString("invoice_number"), rs.getString("period"), rs.getDate("received_on").toLocalDate(),
        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
  }

  @SuppressWarnings("unchecked")
  public static DiscrepancyRecord discrepancy(ResultSet rs) throws SQLException {
    String outcome = rs.getString("outcome");
    Resolution resolution = outcome == null ? null
        : new Resolution(Resolution.Outcome.valueOf(outcome), rs.getString("reason"), rs.getString("resolved_by"),
            rs.getTimestamp("resolved_at").toInstant());
    return new DiscrepancyRecord(rs.getString("id"), rs.getString("kind"), rs.getString("period"), rs.getString("subject"),
        rs.getString("contract_id"), rs.getString("counterparty"), rs.getLong("expected"), rs.getLong("actual"),
        rs.getString("currency").trim(), rs.getString("explanation"), SettlementJson.read(rs.getString("details"), List.class),
        resolution, rs.getTimestamp("found_at").toInstant());
  }

  public static PayoutRecord payout(ResultSet rs) throws SQLException {
    Timestamp approved = rs.getTimestamp("approved_at");
    return new PayoutRecord(rs.getString("id"), rs.getString("organization_id"), rs.getLong("amount"), rs.getString("currency").trim(),
        rs.getString("status"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("approved_by"),
        approved == null ? null : approved.toInstant());
  }

  /** Without trailing zeros but never in exponent form: 10, not 1E+1. */
  public static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
