package io.reelx.settlement.application;

import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.agreement.domain.AgreementCommand;
import io.reelx.settlement.agreement.domain.AgreementEvent;
import io.reelx.settlement.agreement.domain.AgreementRefused;
import io.reelx.settlement.agreement.domain.OpenAgreement;
import io.reelx.settlement.application.Records.DiscrepancyRecord;
import io.reelx.settlement.application.Records.FxRateRecord;
import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.PayableCheck;
import io.reelx.settlement.application.Records.PaymentCheck;
import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.application.Records.ReceiptRecord;
import io.reelx.settlement.application.Records.ReconciliationRun;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportOutcome;
import io.reelx.settlement.application.Records.ReportRecord;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.DepositPlan;
import io.reelx.settlement.ledger.domain.DepositState;
import io.reelx.settlement.ledger.domain.PostingPlan;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.ledger.domain.TransferId;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.money.Allocation;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.payout.domain.CoveredPayout;
import io.reelx.settlement.payout.domain.FourEyes;
import io.reelx.settlement.reconciliation.domain.Discrepancy;
import io.reelx.settlement.reconciliation.domain.Invoice;
import io.reelx.settlement.reconciliation.domain.PayableReconciliation;
import io.reelx.settlement.reconciliation.domain.PaymentReconciliation;
import io.reelx.settlement.reconciliation.domain.Receipt;
import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.report.domain.CsvReportReader;
import io.reelx.settlement.report.domain.LicensedWindow;
import io.reelx.settlement.report.domain.LineError;
import io.reelx.settlement.report.domain.LinesOutsideWindow;
import io.reelx.settlement.report.domain.ReportLine;
import io.reelx.settlement.report.domain.ReportLineValidator;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.report.domain.ReportTotals;
import io.reelx.settlement.report.domain.ValidationOutcome;
import io.reelx.settlement.statement.domain.FxRate;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.statement.domain.RestatementCascade;
import io.reelx.settlement.terms.domain.FieldError;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.OutOfWindowLines;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsValidator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Settlement's application service: every write runs in one transaction (joining the caller's,
 * e.g. an event processor's) so that rows and ledger transfers commit together. Transfer ids
 * derive from their cause (contract, statement, deposit, receipt or payout id), so a retried
 * request or a replayed event posts nothing twice.
 */
public final class SettlementDesk {

  private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final int MAX_VERSION = 999;

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final JdbcLedger ledger;
  private final Clock clock;
  private AgreementLog agreements = AgreementLog.inMemory();

  /** The months of invoices are counted in this zone (the exchange's); UTC unless told. */
  private java.time.ZoneId zone = ZoneOffset.UTC;

  /** Counts invoice months in the exchange's time zone (the contracts' zone). */
  public SettlementDesk inZone(java.time.ZoneId exchangeZone) {
    this.zone = java.util.Objects.requireNonNull(exchangeZone, "exchangeZone");
    return this;
  }

  public SettlementDesk(JdbcTemplate jdbc, TransactionOperations tx, JdbcLedger ledger, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Where the agreements' events are recorded (exchange-core: its event store); in memory unless told. */
  public SettlementDesk withAgreementLog(AgreementLog agreements) {
    this.agreements = java.util.Objects.requireNonNull(agreements, "agreements");
    return this;
  }

  public JdbcLedger ledger() {
    return ledger;
  }

  // ================================================================== agreements

  /**
   * Opens the agreement of a contract that became active (once: a replay returns the existing
   * one). The agreement decides and records it ({@link AgreementLog}): opened with its terms, the
   * price balance (licensee -> licensor) and the minimum guarantee advance (licensee -> payees)
   * invoiced; those events are projected here into the tables and the ledger, and the licensee's
   * captured deposit, if any, is applied to the licensor.
   */
  public Agreement open(OpenAgreement command) {
    List<FieldError> errors = TermsValidator.validate(command.terms());
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The settlement terms of contract " + command.contractId() + " are invalid", errors);
    }
    return tx.execute(s -> {
      Optional<Agreement> existing = agreement(command.contractId());
      if (existing.isPresent()) {
        return existing.get();
      }
      project(record(new AgreementCommand.Open(command, zone)));
      return agreement(command.contractId()).orElseThrow();
    });
  }

  /** Has the agreement decide {@code command} and record what it decided; a refusal becomes the desk's problem. */
  private AgreementLog.Recorded record(AgreementCommand command) {
    try {
      return agreements.record(command);
    } catch (AgreementRefused refused) {
      throw problem(refused);
    }
  }

  /**
   * As {@link #record}, for an agreement opened before agreements were recorded as events: its
   * history starts with an opening made from its row (invoices and transfers it already has are
   * recognised as such, by their numbers and ids). Null if such an agreement already has reports:
   * it stays on the transaction script.
   */
  private AgreementLog.Recorded recordOn(Agreement row, AgreementCommand command) {
    try {
      return agreements.record(command);
    } catch (AgreementRefused refused) {
      if (refused.kind() != AgreementRefused.Kind.NOT_FOUND) {
        throw problem(refused);
      }
    }
    if (!jdbc.queryForList("SELECT 1 FROM revenue_report WHERE contract_id = ? LIMIT 1", row.contractId()).isEmpty()) {
      // its reports and statements are not events: it stays on the transaction script
      return null;
    }
    long priceInvoiced = jdbc.query("SELECT amount FROM settlement_invoice WHERE number = ?", (rs, n) -> rs.getLong(1),
        "INV-" + row.contractId() + "-PRICE").stream().findFirst().orElse(0L);
    project(record(new AgreementCommand.Open(new OpenAgreement(row.contractId(), null, row.currency(), row.licensorOrganizationId(),
        row.licenseeOrganizationId(), row.terms(), priceInvoiced, null, row.openedAt()), zone)));
    if (row.endsOn() != null) {
      project(record(new AgreementCommand.End(row.contractId(), row.endsOn())));
    }
    return record(command);
  }

  private static SettlementProblem problem(AgreementRefused refused) {
    return switch (refused.kind()) {
      case INVALID -> new SettlementProblem.Invalid(refused.getMessage(), refused.errors());
      case NOT_FOUND -> new SettlementProblem.NotFound(refused.subject(), refused.subjectId());
      case CONFLICT -> new SettlementProblem.Conflict(refused.getMessage());
      case RULE -> new SettlementProblem.Refused(refused.code(), refused.getMessage());
    };
  }

  /**
   * The agreement's events as rows and transfers: the agreement row (terms, end), its invoices,
   * and the ledger transfers each event causes, with ids derived from that cause, posted as one
   * batch. Flows still on the transaction script (deposits, FX rates, receipts that quote no
   * agreement's invoice, reconciliation, payouts) write their rows themselves.
   */
  private void project(AgreementLog.Recorded recorded) {
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
          jdbc.query("SELECT registration_id, amount, currency FROM settlement_deposit WHERE listing_id = ? AND platform_org_id = ?"
                  + " AND state = ? FOR UPDATE", rs -> {
                transfers.add(DepositPlan.applyCaptured(rs.getString(1), new OrganizationId(e.licensorOrganizationId()),
                    Money.of(rs.getLong(2), rs.getString(3).trim())));
                setDepositState(rs.getString(1), DepositState.APPLIED);
              }, e.listingId(), e.licenseeOrganizationId(), DepositState.CAPTURED.name());
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

  public Optional<Agreement> agreement(String contractId) {
    return jdbc.query("SELECT * FROM settlement_agreement WHERE contract_id = ?", (rs, n) -> agreement(rs), contractId)
        .stream().findFirst();
  }

  /**
   * Replaces an agreement's terms (finance records the detailed schedule the parties signed),
   * only while no statement exists; the agreement records them under the next rule version, and
   * invoices an MG they introduce. Payees, tiers and deductions are validated all at once.
   */
  public Agreement replaceTerms(String contractId, SettlementTerms terms) {
    return replaceTerms(contractId, terms, null);
  }

  /** As {@link #replaceTerms(String, SettlementTerms)}, naming who replaced them. */
  public Agreement replaceTerms(String contractId, SettlementTerms terms, String replacedBy) {
    List<FieldError> errors = TermsValidator.validate(terms);
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The settlement terms are invalid", errors);
    }
    return tx.execute(s -> {
      Agreement agreement = lockAgreement(contractId);
      // statements are not yet recorded as the agreement's events: the desk still asks its table
      Integer statements = terms.currency().equals(agreement.currency()) ? jdbc.queryForObject(
          "SELECT count(*) FROM settlement_statement WHERE contract_id = ?", Integer.class, contractId) : null;
      if (statements != null && statements > 0) {
        throw new SettlementProblem.Conflict("Contract " + contractId + " already has statements: its terms can no longer change");
      }
      AgreementLog.Recorded recorded = recordOn(agreement, new AgreementCommand.ReplaceTerms(contractId, terms, replacedBy,
          clock.instant()));
      if (recorded == null) {
        throw new SettlementProblem.Conflict("Contract " + contractId + " already has statements: its terms can no longer change");
      }
      project(recorded);
      return agreement(contractId).orElseThrow();
    });
  }

  /**
   * Two requests with one idempotency key, sent at the same moment (a client retrying a slow
   * answer), are decided one after the other: the second waits for the first's commit and then
   * replays its answer, instead of colliding on the key.
   */
  private void sameKeyOneAtATime(String key) {
    jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", key);
  }

  private Agreement lockAgreement(String contractId) {
    return jdbc.query("SELECT * FROM settlement_agreement WHERE contract_id = ? FOR UPDATE", (rs, n) -> agreement(rs), contractId)
        .stream().findFirst().orElseThrow(() -> new SettlementProblem.NotFound("settlement agreement for contract", contractId));
  }

  private static Agreement agreement(ResultSet rs) throws SQLException {
    return new Agreement(rs.getString("contract_id"), rs.getString("currency").trim(), rs.getString("licensor_org_id"),
        rs.getString("licensee_org_id"), SettlementJson.read(rs.getString("terms"), SettlementTerms.class),
        SettlementJson.read(rs.getString("position"), SettlementPosition.class), rs.getTimestamp("opened_at").toInstant(),
        rs.getObject("ends_on", LocalDate.class));
  }

  /**
   * The licence ended (terminated or expired): {@code lastDay} is the last day it covered. Later
   * months can no longer be reported; an earlier end already recorded stands. Unknown contracts
   * (never activated) are ignored.
   */
  public void end(String contractId, LocalDate lastDay) {
    tx.executeWithoutResult(s -> {
      Optional<Agreement> agreement = jdbc.query("SELECT * FROM settlement_agreement WHERE contract_id = ? FOR UPDATE",
          (rs, n) -> agreement(rs), contractId).stream().findFirst();
      agreement.ifPresent(a -> {
        AgreementLog.Recorded recorded = recordOn(a, new AgreementCommand.End(contractId, lastDay));
        if (recorded != null) {
          project(recorded);
        } else {
          jdbc.update("UPDATE settlement_agreement SET ends_on = LEAST(COALESCE(ends_on, ?), ?), updated_at = ? WHERE contract_id = ?",
              lastDay, lastDay, Timestamp.from(clock.instant()), contractId);
        }
      });
    });
  }

  // ================================================================== deposits

  public void listingOffered(String listingId, String holderOrganizationId) {
    jdbc.update("INSERT INTO settlement_listing (listing_id, holder_org_id) VALUES (?,?) ON CONFLICT (listing_id) DO NOTHING",
        listingId, holderOrganizationId);
  }

  /** Finance saw a bidder's deposit arrive: bank -> platform, then held (pending) platform -> escrow. */
  public void depositReceived(String registrationId, String listingId, String platform, long amount, String currency) {
    tx.executeWithoutResult(s -> {
      jdbc.update("INSERT INTO settlement_deposit (registration_id, listing_id, platform_org_id, amount, currency, state)"
          + " VALUES (?,?,?,?,?,?) ON CONFLICT (registration_id) DO NOTHING", registrationId, listingId, platform, amount, currency,
          DepositState.HELD.name());
      Money money = Money.of(amount, currency);
      OrganizationId org = new OrganizationId(platform);
      ledger.submitAll(List.of(DepositPlan.received(registrationId, org, money), DepositPlan.hold(registrationId, org, money)));
    });
  }

  /** A losing bidder's hold is voided. */
  public void depositReleased(String registrationId) {
    tx.executeWithoutResult(s -> deposit(registrationId).ifPresent(d -> {
      ledger.submitAll(List.of(DepositPlan.release(registrationId, hold(registrationId))));
      setDepositState(registrationId, DepositState.RELEASED);
    }));
  }

  /** The winner's hold is captured into escrow; it goes to the licensor when the contract is active. */
  public void depositApplied(String registrationId) {
    tx.executeWithoutResult(s -> deposit(registrationId).ifPresent(d -> {
      ledger.submitAll(List.of(DepositPlan.capture(registrationId, hold(registrationId))));
      if (d.state == DepositState.HELD) {
        setDepositState(registrationId, DepositState.CAPTURED);
      }
    }));
  }

  /** A winner that did not sign: its captured deposit goes to the beneficiary. */
  public void depositForfeited(String listingId, String platform, String beneficiary) {
    tx.executeWithoutResult(s -> depositOf(listingId, platform).ifPresent(d -> {
      // capture first if the award never did; an earlier capture replays (same id, same content)
      List<Transfer> transfers = new ArrayList<>();
      transfers.add(DepositPlan.capture(d.registrationId, hold(d.registrationId)));
      transfers.add(DepositPlan.forfeitCaptured(d.registrationId, AccountId.organization(new OrganizationId(beneficiary), d.currency),
          Money.of(d.amount, d.currency)));
      ledger.submitAll(transfers);
      setDepositState(d.registrationId, DepositState.FORFEITED);
    }));
  }

  /** The contract fell through, not the licensee's fault: a captured deposit goes back, a held one is released. */
  public void depositRefunded(String listingId, String platform) {
    tx.executeWithoutResult(s -> depositOf(listingId, platform).ifPresent(d -> {
      if (d.state == DepositState.HELD) {
        ledger.submitAll(List.of(DepositPlan.release(d.registrationId, hold(d.registrationId))));
      } else {
        ledger.submitAll(List.of(DepositPlan.refund(d.registrationId, new OrganizationId(platform), Money.of(d.amount, d.currency))));
      }
      setDepositState(d.registrationId, DepositState.REFUNDED);
    }));
  }

  private record Deposit(String registrationId, long amount, String currency, DepositState state) {}

  private Optional<Deposit> deposit(String registrationId) {
    return jdbc.query("SELECT registration_id, amount, currency, state FROM settlement_deposit WHERE registration_id = ? FOR UPDATE",
        (rs, n) -> new Deposit(rs.getString(1), rs.getLong(2), rs.getString(3).trim(), DepositState.valueOf(rs.getString(4))), registrationId)
        .stream().findFirst();
  }

  private Optional<Deposit> depositOf(String listingId, String platform) {
    return jdbc.query("SELECT registration_id, amount, currency, state FROM settlement_deposit WHERE listing_id = ?"
            + " AND platform_org_id = ? FOR UPDATE",
        (rs, n) -> new Deposit(rs.getString(1), rs.getLong(2), rs.getString(3).trim(), DepositState.valueOf(rs.getString(4))), listingId, platform)
        .stream().findFirst();
  }

  private void setDepositState(String registrationId, DepositState state) {
    jdbc.update("UPDATE settlement_deposit SET state = ? WHERE registration_id = ?", state.name(), registrationId);
  }

  private Transfer hold(String registrationId) {
    return ledger.transfer(new TransferId("deposit:" + registrationId + ":hold"))
        .orElseThrow(() -> new IllegalStateException("no hold for deposit " + registrationId));
  }

  // ================================================================== reports and statements

  /**
   * Validates a report (every line error at once; nothing stored on error), computes its statement,
   * stores both and posts the statement (or, for a restatement, the adjustment) to the ledger, in
   * one transaction. Idempotent per (contract, period, version): the same content again answers
   * the first outcome; other content under a taken version is a conflict.
   */
  public ReportOutcome submitReport(ReportHeader header, ReportSource source, String submittedBy) {
    return submitReport(header, source, submittedBy, outcome -> {});
  }

  /**
   * As {@link #submitReport(ReportHeader, ReportSource, String)}, running {@code alsoInTransaction}
   * (e.g. remembering the request's idempotency key) in the transaction that stores the report.
   * The report is read and validated before the transaction begins, so a slow upload holds no
   * database connection.
   */
  public ReportOutcome submitReport(ReportHeader header, ReportSource source, String submittedBy,
      java.util.function.Consumer<ReportOutcome> alsoInTransaction) {
    List<FieldError> errors = new ArrayList<>();
    if (header.period() == null || !PERIOD.matcher(header.period()).matches()) {
      errors.add(new FieldError("period", "must be a month as YYYY-MM, not '" + header.period() + "'"));
    }
    if (header.currency() == null || !Money.isCurrency(header.currency())) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code, not '" + header.currency() + "'"));
    }
    if (header.declaredPayable() == null || header.declaredPayable() < 0) {
      errors.add(new FieldError("declaredPayable", "is required, in minor units of the contract currency, >= 0"));
    }
    if (header.version() != null && (header.version() < 1 || header.version() > MAX_VERSION)) {
      errors.add(new FieldError("version", "must be between 1 and " + MAX_VERSION));
    }
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The report header is invalid", errors);
    }
    // stream and validate before taking any lock: the scratch totals are dropped on error
    ReportTotals totals = new ReportTotals(header.currency());
    MessageDigest digest = sha256();
    ValidationOutcome outcome;
    boolean csv = source instanceof ReportSource.Csv;
    // lines outside the licence: errors like any other, or tallied for a discrepancy, as the terms say
    LicensedWindow refused = header.window() != null && agreement(header.contractId())
        .map(a -> a.terms().outOfWindowLines() == OutOfWindowLines.REFUSE).orElse(true) ? header.window() : null;
    LinesOutsideWindow outside = new LinesOutsideWindow(refused == null ? header.window() : null);
    if (source instanceof ReportSource.Csv c) {
      outcome = new CsvReportReader(header.currency(), refused).read(c.reader(), line -> {
        totals.accept(line);
        digest(digest, line);
        outside.accept(line);
      });
    } else {
      outcome = new ReportLineValidator(header.currency(), refused).validateAll(((ReportSource.Lines) source).lines(), line -> {
        totals.accept(line);
        digest(digest, line);
        outside.accept(line);
      });
    }
    if (!outcome.isValid()) {
      List<FieldError> lineErrors = new ArrayList<>();
      for (LineError e : outcome.errors()) {
        lineErrors.add(csv
            ? new FieldError("line " + e.lineNumber() + (e.field().isEmpty() ? "" : ": " + e.field()), e.reason())
            : new FieldError("lines[" + (e.lineNumber() - 1) + "]" + (e.field().isEmpty() ? "" : "." + jsonName(e.field())), e.reason()));
      }
      throw new SettlementProblem.Invalid("The report has " + outcome.errorCount() + " error(s) on " + (outcome.lines() - outcome.validLines())
          + " line(s)" + (outcome.errorsTruncated() ? " (the first " + lineErrors.size() + " are listed)" : "") + "; nothing was stored",
          lineErrors, outcome.errorCount());
    }
    ReportSummary summary = totals.toSummary();
    String sha = HexFormat.of().formatHex(digest.digest());
    return tx.execute(s -> {
      ReportOutcome stored = record(header, summary, sha, submittedBy);
      ReportRecord r = stored.report();
      outside.discrepancy("window:" + r.contractId() + ":" + r.period() + ":v" + r.version(), r.contractId() + " " + r.period()
          + " report v" + r.version()).filter(d -> !stored.replayed()).ifPresent(d -> store(d, r.period(), r.contractId(),
              agreement(r.contractId()).orElseThrow().licenseeOrganizationId(), clock.instant()));
      alsoInTransaction.accept(stored);
      return stored;
    });
  }

  /**
   * The agreement decides the report ({@link AgreementCommand.ReportRevenue}: version rules, the
   * licence's end, months in order, FX, the statement or the restatement cascade) and records it;
   * the events become the report row, the statement versions with their adjustments, the invoices,
   * the running position and the ledger transfers. Nothing recorded is a replay: the first answer.
   */
  private ReportOutcome record(ReportHeader header, ReportSummary summary, String sha, String submittedBy) {
    Agreement agreement = lockAgreement(header.contractId());
    FxRate fx = summary.currency().equals(agreement.currency()) ? null
        : fxRate(summary.currency(), agreement.currency()).map(r -> new FxRate(r.from(), r.to(), r.rate())).orElse(null);
    AgreementLog.Recorded recorded = recordOn(agreement, new AgreementCommand.ReportRevenue(header.contractId(), header.period(),
        header.version(), summary, sha, header.declaredPayable(), fx, submittedBy, clock.instant()));
    if (recorded == null) {
      return recordByScript(agreement, header, summary, sha, submittedBy);
    }
    if (recorded.events().isEmpty()) {
      List<ReportRecord> versions = jdbc.query("SELECT * FROM revenue_report WHERE contract_id = ? AND period = ? ORDER BY version",
          (rs, n) -> report(rs), header.contractId(), header.period());
      return replay(versions.stream().filter(r -> header.version() == null || r.version() == header.version())
          .reduce((a, b) -> b).orElseThrow());
    }
    project(recorded);
    AgreementEvent.RevenueReported reported = (AgreementEvent.RevenueReported) recorded.events().get(0);
    ReportRecord report = jdbc.query("SELECT * FROM revenue_report WHERE contract_id = ? AND period = ? AND version = ?",
        (rs, n) -> report(rs), header.contractId(), header.period(), reported.version()).get(0);
    return new ReportOutcome(report, statement(reported.statementId().toString()).orElseThrow(), false);
  }

  /** A report of an agreement that was settled before agreements were recorded as events: the transaction script. */
  private ReportOutcome recordByScript(Agreement agreement, ReportHeader header, ReportSummary summary, String sha,
      String submittedBy) {
    if (!agreement.covers(YearMonth.parse(header.period()))) {
      throw new SettlementProblem.Refused("period-after-licence-end", "The licence of contract " + header.contractId()
          + " ended on " + agreement.endsOn() + ": there is no revenue of " + header.period() + " to settle under it");
    }
    List<ReportRecord> versions = jdbc.query("SELECT * FROM revenue_report WHERE contract_id = ? AND period = ? ORDER BY version",
        (rs, n) -> report(rs), header.contractId(), header.period());
    ReportRecord latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
    if (latest == null) {
      // a period's first report opens on the contract's running position: reporting a month after a
      // later one would rate it on the later month's cumulative volume
      String last = jdbc.queryForObject("SELECT max(period) FROM revenue_report WHERE contract_id = ?", String.class,
          header.contractId());
      if (last != null && last.compareTo(header.period()) > 0) {
        throw new SettlementProblem.Refused("period-out-of-order", "Contract " + header.contractId()
            + " already has revenue reported for " + last + "; months are reported in order (restate a month with a"
            + " new version of its report)");
      }
    }
    int version;
    if (header.version() == null) {
      if (latest != null && same(latest, header, sha)) {
        return replay(latest);
      }
      version = latest == null ? 1 : latest.version() + 1;
    } else {
      version = header.version();
      Optional<ReportRecord> taken = versions.stream().filter(r -> r.version() == version).findFirst();
      if (taken.isPresent()) {
        if (same(taken.get(), header, sha)) {
          return replay(taken.get());
        }
        throw new SettlementProblem.Conflict("Version " + version + " of the " + header.period() + " report of contract "
            + header.contractId() + " was submitted with other content; a restatement is the next version ("
            + (latest.version() + 1) + ")");
      }
      int next = latest == null ? 1 : latest.version() + 1;
      if (version != next) {
        throw new SettlementProblem.Refused("report-version-gap", "The next version of the " + header.period() + " report is " + next
            + ", not " + version);
      }
    }
    SettlementTerms terms = agreement.terms();
    FxRate fx = null;
    if (!summary.currency().equals(agreement.currency())) {
      fx = fxRate(summary.currency(), agreement.currency()).map(r -> new FxRate(r.from(), r.to(), r.rate()))
          .orElseThrow(() -> new SettlementProblem.Refused("fx-rate-missing", "The report is in " + summary.currency()
              + " and the contract in " + agreement.currency() + ": finance must set the " + summary.currency() + "->"
              + agreement.currency() + " rate first"));
    }
    Instant now = clock.instant();
    OrganizationId platform = new OrganizationId(agreement.licenseeOrganizationId());
    StatementRecord stated = latest == null ? null : latestStatement(header.contractId(), header.period()).orElseThrow();
    StatementRecord restated;
    if (stated == null) {
      StatementId id = new StatementId(header.contractId(), header.period(), 1);
      Statement statement = StatementCalculator.calculate(id, terms, summary, agreement.position(), fx);
      restated = storeStatement(statement, null, header.declaredPayable(), now);
      if (statement.payable().minor() != 0) {
        invoice("INV-" + id, header.contractId(), agreement.licenseeOrganizationId(), statement.payable().minor(), statement.currency(),
            "STATEMENT", header.period(), now);
      }
      ledger.submitAll(PostingPlan.forStatement(statement, platform));
      updatePosition(header.contractId(), statement.closingPosition(), now);
    } else {
      restated = restate(agreement, stated, summary, fx, header.declaredPayable(), platform, now);
    }
    ReportRecord report = new ReportRecord(header.contractId(), header.period(), version, summary.currency(), header.declaredPayable(),
        summary.lines(), summary.views(), summary.watchHours(), summary.grossMinor(), sha, submittedBy, now, restated.id());
    jdbc.update("INSERT INTO revenue_report (contract_id, period, version, currency, declared_payable, lines, views, watch_hours,"
            + " gross, content_sha256, submitted_by, submitted_at, statement_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        report.contractId(), report.period(), report.version(), report.currency(), report.declaredPayable(), report.lines(),
        report.views(), report.watchHours(), report.gross(), sha, submittedBy, Timestamp.from(now), restated.id());
    return new ReportOutcome(report, restated, false);
  }

  /**
   * A new report of a period already stated: the period gets a new statement version and every
   * later period is re-rated on the new closing position ({@link RestatementCascade}), each from
   * the figures it was rated on (its latest report, its FX rate). Each new version is stored with
   * its adjustment, invoiced for the difference and posted as the difference only.
   */
  private StatementRecord restate(Agreement agreement, StatementRecord stated, ReportSummary summary, FxRate fx, long declared,
      OrganizationId platform, Instant now) {
    String contractId = agreement.contractId();
    String period = stated.period();
    List<StatementRecord> current = jdbc.query("SELECT DISTINCT ON (period) * FROM settlement_statement WHERE contract_id = ?"
        + " AND period >= ? ORDER BY period, version DESC", (rs, n) -> statement(rs), contractId, period);
    Map<String, ReportRecord> reports = new LinkedHashMap<>();
    jdbc.query("SELECT DISTINCT ON (period) * FROM revenue_report WHERE contract_id = ? AND period > ? ORDER BY period, version DESC",
        (rs, n) -> report(rs), contractId, period).forEach(r -> reports.put(r.period(), r));
    List<Statement> statements = new ArrayList<>();
    List<RestatementCascade.Figures> figures = new ArrayList<>();
    Map<String, Long> declaredByPeriod = new LinkedHashMap<>();
    for (StatementRecord record : current) {
      statements.add(record.statement());
      if (record.period().equals(period)) {
        figures.add(new RestatementCascade.Figures(summary, fx));
        declaredByPeriod.put(period, declared);
      } else {
        ReportRecord r = reports.get(record.period());
        figures.add(new RestatementCascade.Figures(new ReportSummary(r.currency(), r.lines(), r.views(), r.watchHours(), r.gross()),
            record.statement().fxRate()));
        declaredByPeriod.put(record.period(), r.declaredPayable());
      }
    }
    SettlementPosition opening = jdbc.query("SELECT * FROM settlement_statement WHERE contract_id = ? AND period < ?"
            + " ORDER BY period DESC, version DESC LIMIT 1", (rs, n) -> statement(rs), contractId, period).stream().findFirst()
        .map(r -> r.statement().closingPosition()).orElse(stated.statement().openingPosition());
    RestatementCascade.Result result = RestatementCascade.restate(agreement.terms(), opening, statements, figures, stated.version() + 1);
    StatementRecord restated = null;
    List<Transfer> transfers = new ArrayList<>();
    for (int i = 0; i < result.statements().size(); i++) {
      Statement statement = result.statements().get(i);
      StatementAdjustment adjustment = result.adjustments().get(i);
      StatementRecord record = storeStatement(statement, adjustment, declaredByPeriod.get(statement.id().period()), now);
      if (restated == null) {
        restated = record;
      }
      if (adjustment.payable().minor() != 0) {
        invoice("INV-" + statement.id(), contractId, agreement.licenseeOrganizationId(), adjustment.payable().minor(),
            statement.currency(), "ADJUSTMENT", statement.id().period(), now);
      }
      transfers.addAll(PostingPlan.forAdjustment(adjustment, platform));
    }
    ledger.submitAll(transfers);
    updatePosition(contractId, result.closing(), now);
    return restated;
  }

  private StatementRecord storeStatement(Statement statement, StatementAdjustment adjustment, long declared, Instant now) {
    StatementId id = statement.id();
    jdbc.update("INSERT INTO settlement_statement (id, contract_id, period, version, currency, gross, share, payable, declared,"
            + " breakdown, adjustment, created_at) VALUES (?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?)",
        id.toString(), id.contractId(), id.period(), id.version(), statement.currency(), statement.gross().minor(),
        statement.share().minor(), statement.payable().minor(), declared, SettlementJson.write(statement),
        adjustment == null ? null : SettlementJson.write(adjustment), Timestamp.from(now));
    return new StatementRecord(id.toString(), id.contractId(), id.period(), id.version(), declared, statement, adjustment, now);
  }

  private void updatePosition(String contractId, SettlementPosition position, Instant now) {
    jdbc.update("UPDATE settlement_agreement SET position = ?::jsonb, updated_at = ? WHERE contract_id = ?",
        SettlementJson.write(position), Timestamp.from(now), contractId);
  }

  /** The latest statement version of a period. */
  public Optional<StatementRecord> latestStatement(String contractId, String period) {
    return jdbc.query("SELECT * FROM settlement_statement WHERE contract_id = ? AND period = ? ORDER BY version DESC LIMIT 1",
        (rs, n) -> statement(rs), contractId, period).stream().findFirst();
  }

  /** Without trailing zeros but never in exponent form: 10, not 1E+1. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static boolean same(ReportRecord r, ReportHeader h, String sha) {
    return r.contentSha256().equals(sha) && r.currency().equals(h.currency()) && r.declaredPayable() == h.declaredPayable();
  }

  private ReportOutcome replay(ReportRecord report) {
    return new ReportOutcome(report, statement(report.statementId()).orElseThrow(), true);
  }

  private static String jsonName(String csvField) {
    return switch (csvField) {
      case "watch_hours" -> "watchHours";
      case "gross_minor" -> "gross";
      default -> csvField;
    };
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void digest(MessageDigest digest, ReportLine line) {
    String canonical = line.episode() + '\u001f' + line.territory() + '\u001f' + line.channel() + '\u001f' + line.views() + '\u001f'
        + line.watchHours().stripTrailingZeros().toPlainString() + '\u001f' + line.grossMinor() + '\u001e';
    digest.update(canonical.getBytes(StandardCharsets.UTF_8));
  }

  public List<ReportRecord> reports(String contractId) {
    return jdbc.query("SELECT * FROM revenue_report WHERE contract_id = ? ORDER BY period, version", (rs, n) -> report(rs), contractId);
  }

  private static ReportRecord report(ResultSet rs) throws SQLException {
    StatementId id = new StatementId(rs.getString("contract_id"), rs.getString("period"), rs.getInt("version"));
    return new ReportRecord(id.contractId(), id.period(), id.version(), rs.getString("currency").trim(), rs.getLong("declared_payable"),
        rs.getLong("lines"), rs.getLong("views"), rs.getBigDecimal("watch_hours"), rs.getLong("gross"), rs.getString("content_sha256"),
        rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
        rs.getString("statement_id") == null ? id.toString() : rs.getString("statement_id"));
  }

  public List<StatementRecord> statements(String contractId) {
    return jdbc.query("SELECT * FROM settlement_statement WHERE contract_id = ? ORDER BY period, version", (rs, n) -> statement(rs),
        contractId);
  }

  public Optional<StatementRecord> statement(String id) {
    return jdbc.query("SELECT * FROM settlement_statement WHERE id = ?", (rs, n) -> statement(rs), id).stream().findFirst();
  }

  private static StatementRecord statement(ResultSet rs) throws SQLException {
    return new StatementRecord(rs.getString("id"), rs.getString("contract_id"), rs.getString("period"), rs.getInt("version"),
        rs.getLong("declared"), SettlementJson.read(rs.getString("breakdown"), Statement.class),
        rs.getString("adjustment") == null ? null : SettlementJson.read(rs.getString("adjustment"), StatementAdjustment.class),
        rs.getTimestamp("created_at").toInstant());
  }

  // ================================================================== FX rates

  public FxRateRecord setFxRate(String from, String to, BigDecimal rate, String setBy) {
    List<FieldError> errors = new ArrayList<>();
    if (!Money.isCurrency(from)) {
      errors.add(new FieldError("from", "must be an ISO 4217 currency code"));
    }
    if (!Money.isCurrency(to)) {
      errors.add(new FieldError("to", "must be an ISO 4217 currency code"));
    }
    if (Objects.equals(from, to)) {
      errors.add(new FieldError("to", "must differ from 'from'"));
    }
    if (rate == null || rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 12 || rate.precision() > 30) {
      errors.add(new FieldError("rate", "must be a positive exact decimal with at most 12 decimals"));
    }
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The FX rate is invalid", errors);
    }
    Instant now = clock.instant();
    jdbc.update("INSERT INTO fx_rate (from_currency, to_currency, rate, set_by, set_at) VALUES (?,?,?,?,?) ON CONFLICT"
        + " (from_currency, to_currency) DO UPDATE SET rate = EXCLUDED.rate, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at",
        from, to, rate, setBy, Timestamp.from(now));
    return new FxRateRecord(from, to, rate, setBy, now);
  }

  public Optional<FxRateRecord> fxRate(String from, String to) {
    return jdbc.query("SELECT * FROM fx_rate WHERE from_currency = ? AND to_currency = ?", (rs, n) -> fx(rs), from, to)
        .stream().findFirst();
  }

  public List<FxRateRecord> fxRates() {
    return jdbc.query("SELECT * FROM fx_rate ORDER BY from_currency, to_currency", (rs, n) -> fx(rs));
  }

  private static FxRateRecord fx(ResultSet rs) throws SQLException {
    return new FxRateRecord(rs.getString("from_currency").trim(), rs.getString("to_currency").trim(),
        plain(rs.getBigDecimal("rate")), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
  }

  // ================================================================== invoices and receipts

  private void invoice(String number, String contractId, String counterparty, long amount, String currency, String kind,
      String period, Instant at) {
    jdbc.update("INSERT INTO settlement_invoice (number, contract_id, counterparty, amount, currency, kind, period, issued_at)"
        + " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (number) DO NOTHING", number, contractId, counterparty, amount, currency, kind, period,
        Timestamp.from(at));
  }

  public List<InvoiceRecord> invoices(String contractId) {
    return jdbc.query("SELECT * FROM settlement_invoice WHERE contract_id = ? ORDER BY issued_at, number", (rs, n) -> invoice(rs),
        contractId);
  }

  private static InvoiceRecord invoice(ResultSet rs) throws SQLException {
    return new InvoiceRecord(rs.getString("number"), rs.getString("contract_id"), rs.getString("counterparty"), rs.getLong("amount"),
        rs.getString("currency").trim(), rs.getString("kind"), rs.getString("period"), rs.getTimestamp("issued_at").toInstant());
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
    if (period != null && !PERIOD.matcher(period).matches()) {
      errors.add(new FieldError("period", "must be a month as YYYY-MM"));
    }
    if (receivedOn == null) {
      errors.add(new FieldError("receivedOn", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The receipt is invalid", errors);
    }
    return tx.execute(s -> {
      sameKeyOneAtATime("receipt:" + id);
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
        InvoiceRecord invoice = jdbc.query("SELECT * FROM settlement_invoice WHERE number = ?", (rs, n) -> invoice(rs), invoiceNumber)
            .stream().findFirst().orElseThrow(() -> new SettlementProblem.Invalid("Unknown invoice",
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
        AgreementLog.Recorded recorded = recordOn(lockAgreement(agreementOfInvoice), new AgreementCommand.RecordPayment(
            agreementOfInvoice, id, counterparty, Money.of(amount, currency), bankReference, invoiceNumber, receivedOn, recordedBy, now));
        if (recorded != null) {
          project(recorded);
          return receipt(id).orElseThrow();
        }
      }
      ReceiptRecord record = new ReceiptRecord(id, counterparty, amount, currency, bankReference, invoiceNumber, resolvedPeriod,
          receivedOn, recordedBy, now);
      jdbc.update("INSERT INTO bank_receipt (id, counterparty, amount, currency, bank_reference, invoice_number, period, received_on,"
              + " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)", id, counterparty, amount, currency, bankReference,
          invoiceNumber, resolvedPeriod, Date.valueOf(receivedOn), recordedBy, Timestamp.from(now));
      ledger.submitAll(List.of(Transfer.posted("receipt:" + id, AccountId.system(AccountKind.BANK, currency),
          AccountId.organization(new OrganizationId(counterparty), currency), Money.of(amount, currency), TransferCode.BANK_RECEIPT)));
      return record;
    });
  }

  public Optional<ReceiptRecord> receipt(String id) {
    return jdbc.query("SELECT * FROM bank_receipt WHERE id = ?", (rs, n) -> receipt(rs), id).stream().findFirst();
  }

  public List<ReceiptRecord> receipts(String period) {
    return period == null
        ? jdbc.query("SELECT * FROM bank_receipt ORDER BY recorded_at, id", (rs, n) -> receipt(rs))
        : jdbc.query("SELECT * FROM bank_receipt WHERE period = ? ORDER BY recorded_at, id", (rs, n) -> receipt(rs), period);
  }

  private static ReceiptRecord receipt(ResultSet rs) throws SQLException {
    return new ReceiptRecord(rs.getString("id"), rs.getString("counterparty"), rs.getLong("amount"), rs.getString("currency").trim(),
        rs.getString("bank_reference"), rs.getString("invoice_number"), rs.getString("period"), rs.getDate("received_on").toLocalDate(),
        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
  }

  // ================================================================== reconciliation

  /**
   * Reconciles a period: each statement's (latest version per contract) computed payable against
   * the platform's declared one, and each counterparty's invoices against its receipts. Every
   * mismatch is stored as a discrepancy (an open one is refreshed, a resolved one is left alone).
   */
  public ReconciliationRun reconcile(String period) {
    if (period == null || !PERIOD.matcher(period).matches()) {
      throw new SettlementProblem.Invalid("The period is invalid", List.of(new FieldError("period", "must be a month as YYYY-MM")));
    }
    return tx.execute(s -> {
      Instant now = clock.instant();
      List<PayableCheck> payables = new ArrayList<>();
      List<StatementRecord> latest = jdbc.query("SELECT DISTINCT ON (contract_id) * FROM settlement_statement WHERE period = ?"
          + " ORDER BY contract_id, version DESC", (rs, n) -> statement(rs), period);
      for (StatementRecord record : latest) {
        Agreement agreement = agreement(record.contractId()).orElseThrow();
        Statement statement = record.statement();
        Optional<Discrepancy> found = PayableReconciliation.reconcile(statement, Money.of(record.declaredPayable(), statement.currency()),
            agreement.terms().declaredPayableToleranceMinor())
            .map(d -> new Discrepancy("payable:" + record.contractId() + ":" + record.period() + ":v" + record.version(), d.kind(),
                d.subject(), d.expected(), d.actual(), d.difference(), d.explanation(), d.details(), null));
        found.ifPresent(d -> store(d, period, record.contractId(), agreement.licenseeOrganizationId(), now));
        payables.add(new PayableCheck(record.id(), record.contractId(), statement.payable().minor(), record.declaredPayable(),
            statement.currency(), found.map(Discrepancy::id).orElse(null)));
      }
      Map<String, List<Invoice>> invoices = new LinkedHashMap<>();
      jdbc.query("SELECT * FROM settlement_invoice WHERE period = ? ORDER BY counterparty, currency, issued_at, number", rs -> {
        InvoiceRecord i = invoice(rs);
        invoices.computeIfAbsent(i.counterparty() + "\u0000" + i.currency(), k -> new ArrayList<>())
            .add(new Invoice(i.number(), new OrganizationId(i.counterparty()), Money.of(i.amount(), i.currency())));
      }, period);
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
        found.ifPresent(d -> store(d, period, null, counterparty.value(), now));
        long invoiced = e.getValue().stream().mapToLong(i -> i.amount().minor()).sum();
        long received = got.stream().mapToLong(r -> r.amount().minor()).sum();
        payments.add(new PaymentCheck(counterparty.value(), key[1], invoiced, received, found.map(Discrepancy::id).orElse(null)));
      }
      // what an earlier run found and this one no longer does has been corrected meanwhile
      List<String> stillFound = new ArrayList<>();
      payables.forEach(c -> { if (c.discrepancyId() != null) stillFound.add(c.discrepancyId()); });
      payments.forEach(c -> { if (c.discrepancyId() != null) stillFound.add(c.discrepancyId()); });
      jdbc.update("UPDATE settlement_discrepancy SET outcome = 'CLEARED', reason = ?, resolved_by = 'reconciliation',"
              + " resolved_at = ? WHERE period = ? AND outcome IS NULL AND kind <> 'OUT_OF_WINDOW_LINES' AND NOT (id = ANY (?))",
          "No longer found when " + period + " was reconciled again", Timestamp.from(now), period,
          stillFound.toArray(String[]::new));
      return new ReconciliationRun(period, payables, payments, discrepancies(period, null));
    });
  }

  private void store(Discrepancy d, String period, String contractId, String counterparty, Instant now) {
    jdbc.update("INSERT INTO settlement_discrepancy (id, kind, period, subject, contract_id, counterparty, expected, actual, currency,"
            + " explanation, details, found_at) VALUES (?,?,?,?,?,?,?,?,?,?,?::jsonb,?) ON CONFLICT (id) DO UPDATE SET"
            + " expected = EXCLUDED.expected, actual = EXCLUDED.actual, explanation = EXCLUDED.explanation, details = EXCLUDED.details"
            + " WHERE settlement_discrepancy.outcome IS NULL",
        d.id(), d.kind().name(), period, d.subject(), contractId, counterparty, d.expected().minor(), d.actual().minor(),
        d.expected().currency(), d.explanation(), SettlementJson.write(d.details()), Timestamp.from(now));
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
    return jdbc.query(sql.toString(), (rs, n) -> discrepancy(rs), args.toArray());
  }

  public Optional<DiscrepancyRecord> discrepancy(String id) {
    return jdbc.query("SELECT * FROM settlement_discrepancy WHERE id = ?", (rs, n) -> discrepancy(rs), id).stream().findFirst();
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
      DiscrepancyRecord d = jdbc.query("SELECT * FROM settlement_discrepancy WHERE id = ? FOR UPDATE", (rs, n) -> discrepancy(rs), id)
          .stream().findFirst().orElseThrow(() -> new SettlementProblem.NotFound("discrepancy", id));
      if (d.resolution() != null) {
        throw new SettlementProblem.Conflict("Discrepancy " + id + " was already resolved (" + d.resolution().outcome() + ")");
      }
      Resolution resolution = new Resolution(outcome, reason, resolvedBy, clock.instant());
      jdbc.update("UPDATE settlement_discrepancy SET outcome = ?, reason = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
          outcome.name(), reason, resolvedBy, Timestamp.from(resolution.at()), id);
      return new DiscrepancyRecord(d.id(), d.kind(), d.period(), d.subject(), d.contractId(), d.counterparty(), d.expected(), d.actual(),
          d.currency(), d.explanation(), d.details(), resolution, d.foundAt());
    });
  }

  @SuppressWarnings("unchecked")
  private static DiscrepancyRecord discrepancy(ResultSet rs) throws SQLException {
    String outcome = rs.getString("outcome");
    Resolution resolution = outcome == null ? null
        : new Resolution(Resolution.Outcome.valueOf(outcome), rs.getString("reason"), rs.getString("resolved_by"),
            rs.getTimestamp("resolved_at").toInstant());
    return new DiscrepancyRecord(rs.getString("id"), rs.getString("kind"), rs.getString("period"), rs.getString("subject"),
        rs.getString("contract_id"), rs.getString("counterparty"), rs.getLong("expected"), rs.getLong("actual"),
        rs.getString("currency").trim(), rs.getString("explanation"), SettlementJson.read(rs.getString("details"), List.class),
        resolution, rs.getTimestamp("found_at").toInstant());
  }

  // ================================================================== payouts

  /** A payout to an organisation, requested (nothing moves yet); the id is the idempotency key. */
  public PayoutRecord requestPayout(String id, String organizationId, long amount, String currency, String requestedBy) {
    List<FieldError> errors = new ArrayList<>();
    if (organizationId == null || organizationId.isBlank()) {
      errors.add(new FieldError("organizationId", "is required"));
    }
    if (amount <= 0) {
      errors.add(new FieldError("amount", "must be positive"));
    }
    if (!Money.isCurrency(currency)) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    }
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The payout is invalid", errors);
    }
    return tx.execute(s -> {
      sameKeyOneAtATime("payout:" + id);
      Optional<PayoutRecord> existing = payout(id);
      if (existing.isPresent()) {
        PayoutRecord p = existing.get();
        if (p.organizationId().equals(organizationId) && p.amount() == amount && p.currency().equals(currency)) {
          return p;
        }
        throw new SettlementProblem.Conflict("Idempotency key " + id + " was used for another payout");
      }
      Instant now = clock.instant();
      jdbc.update("INSERT INTO settlement_payout (id, organization_id, amount, currency, status, requested_by, requested_at)"
          + " VALUES (?,?,?,?,'REQUESTED',?,?)", id, organizationId, amount, currency, requestedBy, Timestamp.from(now));
      return new PayoutRecord(id, organizationId, amount, currency, "REQUESTED", requestedBy, now, null, null);
    });
  }

  /**
   * Approves a requested payout and posts it (organisation -> bank), if the organisation's posted
   * balance covers it and the approver is not the requester (four eyes). Approving an approved
   * payout answers it again.
   */
  public PayoutRecord approvePayout(String id, String approvedBy) {
    return tx.execute(s -> {
      PayoutRecord p = jdbc.query("SELECT * FROM settlement_payout WHERE id = ? FOR UPDATE", (rs, n) -> payout(rs), id)
          .stream().findFirst().orElseThrow(() -> new SettlementProblem.NotFound("payout", id));
      if (p.status().equals("APPROVED")) {
        return p;
      }
      FourEyes.refusal(id, p.requestedBy(), approvedBy).ifPresent(reason -> {
        throw new SettlementProblem.Refused("four-eyes", reason);
      });
      AccountId account = AccountId.organization(new OrganizationId(p.organizationId()), p.currency());
      // locked until this payout commits: two approvals for one account are decided one after the other
      CoveredPayout.refusal(p.organizationId(), ledger.lockedBalance(account).orElse(null), Money.of(p.amount(), p.currency()))
          .ifPresent(reason -> {
            throw new SettlementProblem.Refused("insufficient-balance", reason);
          });
      Instant now = clock.instant();
      ledger.submitAll(List.of(Transfer.posted("payout:" + id, account, AccountId.system(AccountKind.BANK, p.currency()),
          Money.of(p.amount(), p.currency()), TransferCode.PAYOUT)));
      jdbc.update("UPDATE settlement_payout SET status = 'APPROVED', approved_by = ?, approved_at = ? WHERE id = ?", approvedBy,
          Timestamp.from(now), id);
      return new PayoutRecord(p.id(), p.organizationId(), p.amount(), p.currency(), "APPROVED", p.requestedBy(), p.requestedAt(),
          approvedBy, now);
    });
  }

  public Optional<PayoutRecord> payout(String id) {
    return jdbc.query("SELECT * FROM settlement_payout WHERE id = ?", (rs, n) -> payout(rs), id).stream().findFirst();
  }

  public List<PayoutRecord> payouts(String organizationId) {
    return organizationId == null
        ? jdbc.query("SELECT * FROM settlement_payout ORDER BY requested_at, id", (rs, n) -> payout(rs))
        : jdbc.query("SELECT * FROM settlement_payout WHERE organization_id = ? ORDER BY requested_at, id", (rs, n) -> payout(rs),
            organizationId);
  }

  private static PayoutRecord payout(ResultSet rs) throws SQLException {
    Timestamp approved = rs.getTimestamp("approved_at");
    return new PayoutRecord(rs.getString("id"), rs.getString("organization_id"), rs.getLong("amount"), rs.getString("currency").trim(),
        rs.getString("status"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("approved_by"),
        approved == null ? null : approved.toInstant());
  }
}
