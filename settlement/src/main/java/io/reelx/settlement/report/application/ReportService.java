package io.reelx.settlement.report.application;

import io.reelx.settlement.agreement.application.AgreementProjection;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.agreement.domain.AgreementCommand;
import io.reelx.settlement.agreement.domain.AgreementEvent;
import io.reelx.settlement.application.AgreementLog;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportOutcome;
import io.reelx.settlement.application.Records.ReportRecord;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.application.Requests;
import io.reelx.settlement.application.Rows;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.fx.application.FxService;
import io.reelx.settlement.ledger.domain.PostingPlan;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import io.reelx.settlement.report.domain.CsvReportReader;
import io.reelx.settlement.report.domain.LicensedWindow;
import io.reelx.settlement.report.domain.LinesOutsideWindow;
import io.reelx.settlement.terms.domain.OutOfWindowLines;
import io.reelx.settlement.report.domain.LineError;
import io.reelx.settlement.report.domain.ReportLine;
import io.reelx.settlement.report.domain.ReportLineValidator;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.report.domain.ReportTotals;
import io.reelx.settlement.report.domain.ValidationOutcome;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.statement.domain.FxRate;
import io.reelx.settlement.statement.domain.RestatementCascade;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.FieldError;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Revenue reports: a platform's report of a period is read and validated (streaming, every line
 * error at once), then decided by the agreement (versions, the licence's end, months in order, FX,
 * the statement or the restatement cascade), recorded and projected in one transaction.
 */
public final class ReportService {

  private static final int MAX_VERSION = 999;

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final JdbcLedger ledger;
  private final Clock clock;
  private final AgreementService agreements;
  private final AgreementProjection projection;
  private final StatementService statements;
  private final FxService fx;
  private final ReconciliationService reconciliation;

  public ReportService(JdbcTemplate jdbc, TransactionOperations tx, JdbcLedger ledger, Clock clock, AgreementService agreements,
      AgreementProjection projection, StatementService statements, FxService fx, ReconciliationService reconciliation) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.ledger = ledger;
    this.clock = clock;
    this.agreements = agreements;
    this.projection = projection;
    this.statements = statements;
    this.fx = fx;
    this.reconciliation = reconciliation;
  }

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
      Consumer<ReportOutcome> alsoInTransaction) {
    List<FieldError> errors = new ArrayList<>();
    if (header.period() == null || !Requests.PERIOD.matcher(header.period()).matches()) {
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
    LicensedWindow refused = header.window() != null && agreements.agreement(header.contractId())
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
      if (!stored.replayed()) {
        outside.discrepancy("window:" + r.contractId() + ":" + r.period() + ":v" + r.version(),
            r.contractId() + " " + r.period() + " report v" + r.version())
            .ifPresent(d -> reconciliation.flag(r.period(), d, r.contractId(),
                agreements.agreement(r.contractId()).orElseThrow().licenseeOrganizationId()));
      }
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
    Agreement agreement = agreements.lock(header.contractId());
    FxRate rate = summary.currency().equals(agreement.currency()) ? null
        : fx.fxRate(summary.currency(), agreement.currency()).map(r -> new FxRate(r.from(), r.to(), r.rate())).orElse(null);
    Optional<AgreementLog.Recorded> decided = agreements.recordOn(agreement, new AgreementCommand.ReportRevenue(header.contractId(),
        header.period(), header.version(), summary, sha, header.declaredPayable(), rate, submittedBy, clock.instant()));
    if (decided.isEmpty()) {
      return recordByScript(agreement, header, summary, sha, submittedBy);
    }
    AgreementLog.Recorded recorded = decided.get();
    if (recorded.events().isEmpty()) {
      List<ReportRecord> versions = jdbc.query("SELECT * FROM revenue_report WHERE contract_id = ? AND period = ? ORDER BY version",
          (rs, n) -> Rows.report(rs), header.contractId(), header.period());
      return replay(versions.stream().filter(r -> header.version() == null || r.version() == header.version())
          .reduce((a, b) -> b).orElseThrow());
    }
    AgreementEvent.RevenueReported reported = (AgreementEvent.RevenueReported) recorded.events().get(0);
    ReportRecord report = jdbc.query("SELECT * FROM revenue_report WHERE contract_id = ? AND period = ? AND version = ?",
        (rs, n) -> Rows.report(rs), header.contractId(), header.period(), reported.version()).get(0);
    return new ReportOutcome(report, statements.statement(reported.statementId().toString()).orElseThrow(), false);
  }

  /** A report of an agreement that was settled before agreements were recorded as events: the transaction script. */
  private ReportOutcome recordByScript(Agreement agreement, ReportHeader header, ReportSummary summary, String sha,
      String submittedBy) {
    if (!agreement.covers(YearMonth.parse(header.period()))) {
      throw new SettlementProblem.Refused("period-after-licence-end", "The licence of contract " + header.contractId()
          + " ended on " + agreement.endsOn() + ": there is no revenue of " + header.period() + " to settle under it");
    }
    List<ReportRecord> versions = jdbc.query("SELECT * FROM revenue_report WHERE contract_id = ? AND period = ? ORDER BY version",
        (rs, n) -> Rows.report(rs), header.contractId(), header.period());
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
    FxRate rate = null;
    if (!summary.currency().equals(agreement.currency())) {
      rate = fx.fxRate(summary.currency(), agreement.currency()).map(r -> new FxRate(r.from(), r.to(), r.rate()))
          .orElseThrow(() -> new SettlementProblem.Refused("fx-rate-missing", "The report is in " + summary.currency()
              + " and the contract in " + agreement.currency() + ": finance must set the " + summary.currency() + "->"
              + agreement.currency() + " rate first"));
    }
    Instant now = clock.instant();
    OrganizationId platform = new OrganizationId(agreement.licenseeOrganizationId());
    StatementRecord stated = latest == null ? null : statements.latestStatement(header.contractId(), header.period()).orElseThrow();
    StatementRecord restated;
    if (stated == null) {
      StatementId id = new StatementId(header.contractId(), header.period(), 1);
      Statement statement = StatementCalculator.calculate(id, terms, summary, agreement.position(), rate);
      restated = projection.storeStatement(statement, null, header.declaredPayable(), now);
      if (statement.payable().minor() != 0) {
        projection.invoice("INV-" + id, header.contractId(), agreement.licenseeOrganizationId(), statement.payable().minor(), statement.currency(),
            "STATEMENT", header.period(), now);
      }
      ledger.submitAll(PostingPlan.forStatement(statement, platform));
      projection.updatePosition(header.contractId(), statement.closingPosition(), now);
    } else {
      restated = restate(agreement, stated, summary, rate, header.declaredPayable(), platform, now);
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
        + " AND period >= ? ORDER BY period, version DESC", (rs, n) -> Rows.statement(rs), contractId, period);
    Map<String, ReportRecord> reports = new LinkedHashMap<>();
    jdbc.query("SELECT DISTINCT ON (period) * FROM revenue_report WHERE contract_id = ? AND period > ? ORDER BY period, version DESC",
        (rs, n) -> Rows.report(rs), contractId, period).forEach(r -> reports.put(r.period(), r));
    List<Statement> restating = new ArrayList<>();
    List<RestatementCascade.Figures> figures = new ArrayList<>();
    Map<String, Long> declaredByPeriod = new LinkedHashMap<>();
    for (StatementRecord record : current) {
      restating.add(record.statement());
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
            + " ORDER BY period DESC, version DESC LIMIT 1", (rs, n) -> Rows.statement(rs), contractId, period).stream().findFirst()
        .map(r -> r.statement().closingPosition()).orElse(stated.statement().openingPosition());
    RestatementCascade.Result result = RestatementCascade.restate(agreement.terms(), opening, restating, figures, stated.version() + 1);
    StatementRecord restated = null;
    List<Transfer> transfers = new ArrayList<>();
    for (int i = 0; i < result.statements().size(); i++) {
      Statement statement = result.statements().get(i);
      StatementAdjustment adjustment = result.adjustments().get(i);
      StatementRecord record = projection.storeStatement(statement, adjustment, declaredByPeriod.get(statement.id().period()), now);
      if (restated == null) {
        restated = record;
      }
      if (adjustment.payable().minor() != 0) {
        projection.invoice("INV-" + statement.id(), contractId, agreement.licenseeOrganizationId(), adjustment.payable().minor(),
            statement.currency(), "ADJUSTMENT", statement.id().period(), now);
      }
      transfers.addAll(PostingPlan.forAdjustment(adjustment, platform));
    }
    ledger.submitAll(transfers);
    projection.updatePosition(contractId, result.closing(), now);
    return restated;
  }

  private static boolean same(ReportRecord r, ReportHeader h, String sha) {
    return r.contentSha256().equals(sha) && r.currency().equals(h.currency()) && r.declaredPayable() == h.declaredPayable();
  }

  private ReportOutcome replay(ReportRecord report) {
    return new ReportOutcome(report, statements.statement(report.statementId()).orElseThrow(), true);
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
    return jdbc.query("SELECT * FROM revenue_report WHERE contract_id = ? ORDER BY period, version", (rs, n) -> Rows.report(rs), contractId);
  }

}
