package io.reelx.settlement.reconciliation.application;

import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.agreement.domain.AgreementCommand;
import io.reelx.settlement.application.Records.DiscrepancyRecord;
import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.PayableCheck;
import io.reelx.settlement.application.Records.PaymentCheck;
import io.reelx.settlement.application.Records.ReceiptRecord;
import io.reelx.settlement.application.Records.ReconciliationRun;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.application.Requests;
import io.reelx.settlement.application.Rows;
import io.reelx.settlement.application.SettlementJson;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.application.StreamLog;
import io.reelx.settlement.eventsourcing.Refused;
import io.reelx.settlement.reconciliation.domain.BankReceipt;
import io.reelx.settlement.reconciliation.domain.PeriodReconciliation;
import io.reelx.settlement.reconciliation.domain.ReconciliationEvent;
import io.reelx.settlement.reconciliation.domain.ReconciliationEvent.ReceiptRecorded;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.reconciliation.domain.Discrepancy;
import io.reelx.settlement.reconciliation.domain.Invoice;
import io.reelx.settlement.reconciliation.domain.PayableReconciliation;
import io.reelx.settlement.reconciliation.domain.PaymentReconciliation;
import io.reelx.settlement.reconciliation.domain.Receipt;
import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.terms.domain.FieldError;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Money received and what it is checked against, on events: receipts (against an agreement's
 * invoice they are the agreement's events, else their own stream's, {@link BankReceipt}), and each
 * period's reconciliation ({@link PeriodReconciliation}: runs, computed vs declared payables and
 * invoiced vs received per counterparty, the discrepancies found, cleared or resolved once). The
 * rows and transfers are the events' projection.
 */
public final class ReconciliationService {

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final JdbcLedger ledger;
  private final Clock clock;
  private final AgreementService agreements;
  private final StatementService statements;
  private StreamLog streams = StreamLog.inMemory();

  public ReconciliationService(JdbcTemplate jdbc, TransactionOperations tx, JdbcLedger ledger, Clock clock,
      AgreementService agreements, StatementService statements) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.ledger = ledger;
    this.clock = clock;
    this.agreements = agreements;
    this.statements = statements;
  }

  /** Where receipts quoting no invoice and the periods' reconciliations are recorded (exchange-core: its event store). */
  public ReconciliationService withStreamLog(StreamLog streams) {
    this.streams = Objects.requireNonNull(streams, "streams");
    return this;
  }

  /**
   * Finance records money received from a counterparty (bank -> counterparty in the ledger). The
   * id is the request's idempotency key: the same receipt again answers the first record, other
   * content under the same key is a conflict. The period is the quoted invoice's, else the one
   * given, else the month received.
   */
  public ReceiptRecord recordReceipt(String id, String counterparty, long amount, String currency, String bankReference,
      String invoiceNumber, String period, LocalDate receivedOn, String recordedBy) {
    List<FieldError> errors = new ArrayList<>();
    if (counterparty == null || counterparty.isBlank()) {
      errors.add(new FieldError("counterpartyId", "is required"));
    }
    if (amount <= 0) {
      errors.add(new FieldError("amount", "must be positive"));
    }
    if (!Money.isCurrency(currency)) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    }
    if (bankReference == null || bankReference.isBlank() || bankReference.length() > 100) {
      errors.add(new FieldError("bankReference", "is required, at most 100 characters"));
    }
    if (period != null && !Requests.PERIOD.matcher(period).matches()) {
      errors.add(new FieldError("period", "must be a month as YYYY-MM"));
    }
    if (receivedOn == null) {
      errors.add(new FieldError("receivedOn", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The receipt is invalid", errors);
    }
    return tx.execute(s -> {
      Requests.oneAtATime(jdbc, "receipt:" + id);
      Optional<ReceiptRecord> existing = receipt(id);
      if (existing.isPresent()) {
        ReceiptRecord r = existing.get();
        if (r.counterparty().equals(counterparty) && r.amount() == amount && r.currency().equals(currency)
            && r.bankReference().equals(bankReference) && Objects.equals(r.invoiceNumber(), invoiceNumber)) {
          return r;
        }
        throw new SettlementProblem.Conflict("Idempotency key " + id + " was used for another receipt");
      }
      String resolvedPeriod = period;
      String agreementOfInvoice = null;
      if (invoiceNumber != null) {
        InvoiceRecord invoice = statements.invoice(invoiceNumber).orElseThrow(() -> new SettlementProblem.Invalid("Unknown invoice",
                List.of(new FieldError("invoiceNumber", "no invoice " + invoiceNumber))));
        if (!invoice.counterparty().equals(counterparty) || !invoice.currency().equals(currency)) {
          throw new SettlementProblem.Refused("receipt-invoice-mismatch", "Invoice " + invoiceNumber + " is owed by " + invoice.counterparty()
              + " in " + invoice.currency());
        }
        resolvedPeriod = invoice.period();
        agreementOfInvoice = invoice.contractId();
      }
      if (resolvedPeriod == null) {
        resolvedPeriod = YearMonth.from(receivedOn).toString();
      }
      Instant now = clock.instant();
      if (agreementOfInvoice != null) {
        // a receipt against an agreement's invoice is the agreement's event
        if (agreements.recordOn(agreements.lock(agreementOfInvoice), new AgreementCommand.RecordPayment(agreementOfInvoice, id,
            counterparty, Money.of(amount, currency), bankReference, invoiceNumber, receivedOn, recordedBy, now)).isPresent()) {
          return receipt(id).orElseThrow();
        }
      }
      // a receipt quoting no agreement's invoice is its own stream's event
      StreamLog.Recorded<BankReceipt, ReconciliationEvent> recorded = record(BankReceipt.streamIdOf(id), new ReceiptRecorded(id,
          counterparty, Money.of(amount, currency), bankReference, invoiceNumber, resolvedPeriod, receivedOn, recordedBy, now));
      project(recorded.events());
      return receipt(id).orElseThrow();
    });
  }

  public Optional<ReceiptRecord> receipt(String id) {
    return jdbc.query("SELECT * FROM bank_receipt WHERE id = ?", (rs, n) -> Rows.receipt(rs), id).stream().findFirst();
  }

  public List<ReceiptRecord> receipts(String period) {
    return period == null
        ? jdbc.query("SELECT * FROM bank_receipt ORDER BY recorded_at, id", (rs, n) -> Rows.receipt(rs))
        : jdbc.query("SELECT * FROM bank_receipt WHERE period = ? ORDER BY recorded_at, id", (rs, n) -> Rows.receipt(rs), period);
  }

  /**
   * Reconciles a period: each statement's (latest version per contract) computed payable against
   * the platform's declared one, and each counterparty's invoices against its receipts. Every
   * mismatch is stored as a discrepancy (an open one is refreshed, a resolved one is left alone).
   */
  public ReconciliationRun reconcile(String period) {
    if (period == null || !Requests.PERIOD.matcher(period).matches()) {
      throw new SettlementProblem.Invalid("The period is invalid", List.of(new FieldError("period", "must be a month as YYYY-MM")));
    }
    return tx.execute(s -> {
      Instant now = clock.instant();
      List<PayableCheck> payables = new ArrayList<>();
      List<PeriodReconciliation.Found> runFound = new ArrayList<>();
      List<StatementRecord> latest = statements.latestStatements(period);
      for (StatementRecord record : latest) {
        Agreement agreement = agreements.agreement(record.contractId()).orElseThrow();
        Statement statement = record.statement();
        Optional<Discrepancy> found = PayableReconciliation.reconcile(statement, Money.of(record.declaredPayable(), statement.currency()),
            agreement.terms().declaredPayableToleranceMinor());
        found.ifPresent(d -> runFound.add(new PeriodReconciliation.Found(d, record.contractId(), agreement.licenseeOrganizationId())));
        payables.add(new PayableCheck(record.id(), record.contractId(), statement.payable().minor(), record.declaredPayable(),
            statement.currency(), found.map(Discrepancy::id).orElse(null)));
      }
      Map<String, List<Invoice>> invoices = new LinkedHashMap<>();
      for (InvoiceRecord i : statements.invoicesOfPeriod(period)) {
        invoices.computeIfAbsent(i.counterparty() + "\u0000" + i.currency(), k -> new ArrayList<>())
            .add(new Invoice(i.number(), new OrganizationId(i.counterparty()), Money.of(i.amount(), i.currency())));
      }
      Map<String, List<Receipt>> receipts = new LinkedHashMap<>();
      for (ReceiptRecord r : receipts(period)) {
        String key = r.counterparty() + "\u0000" + r.currency();
        invoices.putIfAbsent(key, new ArrayList<>());
        receipts.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Receipt(r.bankReference(), new OrganizationId(r.counterparty()), r.invoiceNumber(), Money.of(r.amount(), r.currency())));
      }
      List<PaymentCheck> payments = new ArrayList<>();
      for (Map.Entry<String, List<Invoice>> e : invoices.entrySet()) {
        String[] key = e.getKey().split("\u0000");
        OrganizationId counterparty = new OrganizationId(key[0]);
        List<Receipt> got = receipts.getOrDefault(e.getKey(), List.of());
        Optional<Discrepancy> found = PaymentReconciliation.reconcile(counterparty, key[1], e.getValue(), got)
            .map(d -> new Discrepancy("payments:" + period + ":" + d.subject() + ":" + key[1], d.kind(), d.subject(), d.expected(),
                d.actual(), d.difference(), d.explanation(), d.details(), null));
        found.ifPresent(d -> runFound.add(new PeriodReconciliation.Found(d, null, counterparty.value())));
        long invoiced = e.getValue().stream().mapToLong(i -> i.amount().minor()).sum();
        long received = got.stream().mapToLong(r -> r.amount().minor()).sum();
        payments.add(new PaymentCheck(counterparty.value(), key[1], invoiced, received, found.map(Discrepancy::id).orElse(null)));
      }
      // the period's stream decides: found anew, refreshed while open, cleared when no longer found
      recordOnPeriod(period, new PeriodReconciliation.Run(period, payables.size(), payments.size(), runFound, now));
      return new ReconciliationRun(period, payables, payments, discrepancies(period, null));
    });
  }



  /** Discrepancies of a period (all periods if null), open only if {@code open} is true. */
  public List<DiscrepancyRecord> discrepancies(String period, Boolean open) {
    StringBuilder sql = new StringBuilder("SELECT * FROM settlement_discrepancy WHERE 1=1");
    List<Object> args = new ArrayList<>();
    if (period != null) {
      sql.append(" AND period = ?");
      args.add(period);
    }
    if (open != null) {
      sql.append(open ? " AND outcome IS NULL" : " AND outcome IS NOT NULL");
    }
    sql.append(" ORDER BY found_at, id");
    return jdbc.query(sql.toString(), (rs, n) -> Rows.discrepancy(rs), args.toArray());
  }

  public Optional<DiscrepancyRecord> discrepancy(String id) {
    return jdbc.query("SELECT * FROM settlement_discrepancy WHERE id = ?", (rs, n) -> Rows.discrepancy(rs), id).stream().findFirst();
  }

  /** Resolves an open discrepancy once; resolving again is a conflict. */
  public DiscrepancyRecord resolve(String id, Resolution.Outcome outcome, String reason, String resolvedBy) {
    if (reason == null || reason.isBlank()) {
      throw new SettlementProblem.Invalid("A resolution needs a reason", List.of(new FieldError("reason", "is required")));
    }
    if (outcome == null) {
      throw new SettlementProblem.Invalid("A resolution needs an outcome", List.of(new FieldError("outcome", "is required")));
    }
    return tx.execute(s -> {
      DiscrepancyRecord d = jdbc.query("SELECT * FROM settlement_discrepancy WHERE id = ? FOR UPDATE", (rs, n) -> Rows.discrepancy(rs), id)
          .stream().findFirst().orElseThrow(() -> new SettlementProblem.NotFound("discrepancy", id));
      recordOnPeriod(d.period(), new PeriodReconciliation.Resolve(d.period(), id, new Resolution(outcome, reason, resolvedBy,
          clock.instant())));
      return discrepancy(id).orElseThrow();
    });
  }

  /**
   * Records a discrepancy found when a report was accepted (lines outside the licence, as the terms
   * allow): the period's stream records it once; no later run clears it. Joins the caller's transaction.
   */
  public void flag(String period, Discrepancy discrepancy, String contractId, String counterparty) {
    recordOnPeriod(period, new PeriodReconciliation.Flag(period, new PeriodReconciliation.Found(discrepancy, contractId,
        counterparty), clock.instant()));
  }

  /**
   * Decides {@code command} on the period's reconciliation stream and projects its events; the
   * period's discrepancies stored before reconciliation was recorded as events join the stream first.
   */
  private void recordOnPeriod(String period, PeriodReconciliation.Command command) {
    String stream = PeriodReconciliation.streamIdOf(period);
    Requests.oneAtATime(jdbc, stream);
    if (!streams.exists(stream)) {
      List<PeriodReconciliation.Found> stored = new ArrayList<>();
      for (DiscrepancyRecord d : discrepancies(period, null)) {
        Money expected = Money.of(d.expected(), d.currency());
        Money actual = Money.of(d.actual(), d.currency());
        stored.add(new PeriodReconciliation.Found(new Discrepancy(d.id(), Discrepancy.Kind.valueOf(d.kind()), d.subject(), expected,
            actual, actual.minus(expected), d.explanation(), d.details(), d.resolution()), d.contractId(), d.counterparty()));
      }
      if (!stored.isEmpty()) {
        project(record(stream, new PeriodReconciliation.Adopt(period, stored, clock.instant())).events());
      }
    }
    project(record(stream, command).events());
  }

  private <S extends io.reelx.settlement.eventsourcing.EventSourced<C, ReconciliationEvent>, C>
      StreamLog.Recorded<S, ReconciliationEvent> record(String stream, C command) {
    try {
      return streams.record(stream, command);
    } catch (Refused refused) {
      throw Requests.problem(refused);
    }
  }

  /** Reconciliation's events as rows and transfers. */
  private void project(List<ReconciliationEvent> events) {
    List<Transfer> transfers = new ArrayList<>();
    for (ReconciliationEvent event : events) {
      if (event instanceof ReceiptRecorded e) {
        jdbc.update("INSERT INTO bank_receipt (id, counterparty, amount, currency, bank_reference, invoice_number, period, received_on,"
                + " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING", e.receiptId(), e.counterparty(),
            e.amount().minor(), e.amount().currency(), e.bankReference(), e.invoiceNumber(), e.period(), Date.valueOf(e.receivedOn()),
            e.recordedBy(), Timestamp.from(e.at()));
        transfers.addAll(BankReceipt.postings(e));
      } else if (event instanceof ReconciliationEvent.DiscrepancyFound e) {
        Discrepancy d = e.discrepancy();
        jdbc.update("INSERT INTO settlement_discrepancy (id, kind, period, subject, contract_id, counterparty, expected, actual, currency,"
                + " explanation, details, found_at) VALUES (?,?,?,?,?,?,?,?,?,?,?::jsonb,?) ON CONFLICT (id) DO UPDATE SET"
                + " expected = EXCLUDED.expected, actual = EXCLUDED.actual, explanation = EXCLUDED.explanation, details = EXCLUDED.details"
                + " WHERE settlement_discrepancy.outcome IS NULL",
            d.id(), d.kind().name(), e.period(), d.subject(), e.contractId(), e.counterparty(), d.expected().minor(), d.actual().minor(),
            d.expected().currency(), d.explanation(), SettlementJson.write(d.details()), Timestamp.from(e.at()));
      } else if (event instanceof ReconciliationEvent.DiscrepancyResolved e) {
        Resolution r = e.resolution();
        jdbc.update("UPDATE settlement_discrepancy SET outcome = ?, reason = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
            r.outcome().name(), r.reason(), r.resolvedBy(), Timestamp.from(r.at()), e.discrepancyId());
      }
    }
    ledger.submitAll(transfers);
  }
}
