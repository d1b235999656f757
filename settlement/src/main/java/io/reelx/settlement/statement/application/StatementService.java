package io.reelx.settlement.statement.application;

import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.application.Rows;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements and invoices as finance and the parties read them: every version of a period, each
 * with its adjustment. They are written as the agreements' events are projected.
 */
public final class StatementService {

  private final JdbcTemplate jdbc;

  public StatementService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest statement version of a period. */
  public Optional<StatementRecord> latestStatement(String contractId, String period) {
    return jdbc.query("SELECT * FROM settlement_statement WHERE contract_id = ? AND period = ? ORDER BY version DESC LIMIT 1",
        (rs, n) -> Rows.statement(rs), contractId, period).stream().findFirst();
  }

  /** The latest statement version of every contract with a statement of {@code period}, by contract. */
  public List<StatementRecord> latestStatements(String period) {
    return jdbc.query("SELECT DISTINCT ON (contract_id) * FROM settlement_statement WHERE period = ?"
        + " ORDER BY contract_id, version DESC", (rs, n) -> Rows.statement(rs), period);
  }

  public List<StatementRecord> statements(String contractId) {
    return jdbc.query("SELECT * FROM settlement_statement WHERE contract_id = ? ORDER BY period, version", (rs, n) -> Rows.statement(rs),
        contractId);
  }

  public Optional<StatementRecord> statement(String id) {
    return jdbc.query("SELECT * FROM settlement_statement WHERE id = ?", (rs, n) -> Rows.statement(rs), id).stream().findFirst();
  }

  public List<InvoiceRecord> invoices(String contractId) {
    return jdbc.query("SELECT * FROM settlement_invoice WHERE contract_id = ? ORDER BY issued_at, number", (rs, n) -> Rows.invoice(rs),
        contractId);
  }

  public Optional<InvoiceRecord> invoice(String number) {
    return jdbc.query("SELECT * FROM settlement_invoice WHERE number = ?", (rs, n) -> Rows.invoice(rs), number).stream().findFirst();
  }

  /** Every invoice of {@code period}, by counterparty, currency and issue. */
  public List<InvoiceRecord> invoicesOfPeriod(String period) {
    return jdbc.query("SELECT * FROM settlement_invoice WHERE period = ? ORDER BY counterparty, currency, issued_at, number",
        (rs, n) -> Rows.invoice(rs), period);
  }
}
