package io.reelx.settlement.agreement.application;

import io.reelx.settlement.agreement.domain.AgreementEvent;
import io.reelx.settlement.application.AgreementLog;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.application.SettlementJson;
import io.reelx.settlement.ledger.application.DepositService;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.statement.domain.StatementId;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agreements' events as rows and transfers: the agreement row (terms, end, position), its
 * report versions, statements with their adjustments, invoices and receipts, and the ledger
 * transfers each event causes (ids derived from that cause), posted as one batch. Runs in the
 * transaction that recorded the events.
 */
public final class AgreementProjection {

  private final JdbcTemplate jdbc;
  private final JdbcLedger ledger;
  private final DepositService deposits;
  private final Clock clock;

  public AgreementProjection(JdbcTemplate jdbc, JdbcLedger ledger, DepositService deposits, Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.deposits = deposits;
    this.clock = clock;
  }

  public void project(AgreementLog.Recorded recorded) {
    Instant now = clock.instant();
    List<Transfer> transfers = new ArrayList<>();
    List<AgreementEvent> inOrder = new ArrayList<>();
    // a report row names the statement it produced: the statements are stored first
    recorded.events().stream().filter(e -> !(e instanceof AgreementEvent.RevenueReported)).forEach(inOrder::add);
    recorded.events().stream().filter(e -> e instanceof AgreementEvent.RevenueReported).forEach(inOrder::add);
    for (AgreementEvent event : inOrder) {
      if (event instanceof AgreementEvent.AgreementOpened e) {
        int inserted = jdbc.update("INSERT INTO settlement_agreement (contract_id, currency, licensor_org_id, licensee_org_id, terms,"
                + " position, opened_at, updated_at) VALUES (?,?,?,?,?::jsonb,?::jsonb,?,?) ON CONFLICT (contract_id) DO NOTHING",
            e.contractId(), e.currency(), e.licensorOrganizationId(), e.licenseeOrganizationId(), SettlementJson.write(e.terms()),
            SettlementJson.write(SettlementPosition.INITIAL), Timestamp.from(e.openedAt()), Timestamp.from(now));
        if (inserted == 1 && e.listingId() != null) {
          // the winner's deposit, captured at the award, now counts toward the price
          transfers.addAll(deposits.appliedToPrice(e.listingId(), e.licenseeOrganizationId(), e.licensorOrganizationId()));
        }
      } else if (event instanceof AgreementEvent.TermsReplaced e) {
        jdbc.update("UPDATE settlement_agreement SET terms = ?::jsonb, updated_at = ? WHERE contract_id = ?",
            SettlementJson.write(e.terms()), Timestamp.from(now), e.contractId());
      } else if (event instanceof AgreementEvent.AgreementEnded e) {
        jdbc.update("UPDATE settlement_agreement SET ends_on = ?, updated_at = ? WHERE contract_id = ?", e.lastDay(),
            Timestamp.from(now), e.contractId());
      } else if (event instanceof AgreementEvent.InvoiceRaised e) {
        invoice(e.number(), e.contractId(), e.counterparty(), e.amount().minor(), e.amount().currency(), e.kind().name(), e.period(),
            e.at());
      } else if (event instanceof AgreementEvent.PaymentReceived e) {
        jdbc.update("INSERT INTO bank_receipt (id, counterparty, amount, currency, bank_reference, invoice_number, period, received_on,"
                + " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)", e.receiptId(), e.counterparty(), e.amount().minor(),
            e.amount().currency(), e.bankReference(), e.invoiceNumber(), e.period(), Date.valueOf(e.receivedOn()), e.recordedBy(),
            Timestamp.from(e.at()));
      } else if (event instanceof AgreementEvent.StatementIssued e) {
        storeStatement(e.statement(), null, e.declaredPayable(), e.at());
      } else if (event instanceof AgreementEvent.StatementRestated e) {
        storeStatement(e.statement(), e.adjustment(), e.declaredPayable(), e.at());
      } else if (event instanceof AgreementEvent.RevenueReported e) {
        ReportSummary t = e.totals();
        jdbc.update("INSERT INTO revenue_report (contract_id, period, version, currency, declared_payable, lines, views, watch_hours,"
                + " gross, content_sha256, submitted_by, submitted_at, statement_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            e.contractId(), e.period(), e.version(), t.currency(), e.declaredPayable(), t.lines(), t.views(), t.watchHours(),
            t.grossMinor(), e.linesSha256(), e.submittedBy(), Timestamp.from(e.at()), e.statementId().toString());
        updatePosition(e.contractId(), e.positionAfter(), e.at());
      } else {
        throw new IllegalStateException("not projected from events yet: " + event.getClass().getSimpleName());
      }
      transfers.addAll(recorded.agreement().postings(event));
    }
    ledger.submitAll(transfers);
  }

  /** Stores a statement version (an agreement still on the transaction script stores its own). */
  public StatementRecord storeStatement(Statement statement, StatementAdjustment adjustment, long declared, Instant now) {
    StatementId id = statement.id();
    jdbc.update("INSERT INTO settlement_statement (id, contract_id, period, version, currency, gross, share, payable, declared,"
            + " breakdown, adjustment, created_at) VALUES (?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?)",
        id.toString(), id.contractId(), id.period(), id.version(), statement.currency(), statement.gross().minor(),
        statement.share().minor(), statement.payable().minor(), declared, SettlementJson.write(statement),
        adjustment == null ? null : SettlementJson.write(adjustment), Timestamp.from(now));
    return new StatementRecord(id.toString(), id.contractId(), id.period(), id.version(), declared, statement, adjustment, now);
  }

  /** Stores an invoice once (its number derives from its cause). */
  public void invoice(String number, String contractId, String counterparty, long amount, String currency, String kind,
      String period, Instant at) {
    jdbc.update("INSERT INTO settlement_invoice (number, contract_id, counterparty, amount, currency, kind, period, issued_at)"
        + " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (number) DO NOTHING", number, contractId, counterparty, amount, currency, kind, period,
        Timestamp.from(at));
  }

  public void updatePosition(String contractId, SettlementPosition position, Instant now) {
    jdbc.update("UPDATE settlement_agreement SET position = ?::jsonb, updated_at = ? WHERE contract_id = ?",
        SettlementJson.write(position), Timestamp.from(now), contractId);
  }
}
