package io.reelx.exchange.web.platform;

import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.web.forms.Refusals;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportOutcome;
import io.reelx.settlement.application.Records.ReportRecord;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.report.application.ReportService;
import io.reelx.settlement.report.domain.LineError;
import io.reelx.settlement.report.domain.ReportLineInput;
import io.reelx.settlement.report.domain.ReportLineValidator;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.statement.domain.StatementCsv;
import io.reelx.settlement.statement.domain.StatementId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Every call the pages make into settlement, in one place: the same application service the API's
 * settlement controller calls ({@link AgreementService}, {@link ReportService}, {@link
 * StatementService}), and the same visibility rule (an agreement's
 * statements are seen by its licensee, licensor and payees: to anyone else it does not exist, 404).
 */
@Component
public class PageSettlement {

  private final AgreementService agreements;
  private final ReportService reports;
  private final StatementService statements;

  public PageSettlement(AgreementService agreements, ReportService reports, StatementService statements) {
    this.agreements = agreements;
    this.reports = reports;
    this.statements = statements;
  }

  /** The contract's agreement if {@code me}'s organisation is concerned by it; empty before it is opened. */
  public Optional<Agreement> agreement(String contractId, CurrentUser me) {
    Optional<Agreement> agreement = agreements.agreement(contractId);
    if (agreement.isPresent() && !agreement.get().concerns(me.organizationId().value())) {
      throw new NotFound("settlement agreement for contract", contractId);
    }
    return agreement;
  }

  /** The agreement, or "not found" when it is not open or not {@code me}'s concern. */
  public Agreement visible(String contractId, CurrentUser me) {
    return agreement(contractId, me).orElseThrow(() -> new NotFound("settlement agreement for contract", contractId));
  }

  /**
   * Validates and stores a report (ReportService#submitReport);
   * {@code alsoInTransaction} runs in the transaction that stores it (the page's key is claimed there).
   */
  public ReportOutcome submitReport(ReportHeader header, ReportSource source, CurrentUser me,
      Consumer<ReportOutcome> alsoInTransaction) {
    return reports.submitReport(header, source, me.userId().value(), alsoInTransaction);
  }

  /** The line errors the report endpoint would answer for these lines (nothing is stored); none for an unknown currency. */
  public List<LineError> lineErrors(List<ReportLineInput> lines, String currency) {
    if (!isCurrency(currency)) {
      return List.of();
    }
    return new ReportLineValidator(currency).validateAll(lines, line -> { }).errors();
  }

  /** Whether settlement knows {@code code} as an ISO 4217 currency. */
  public boolean isCurrency(String code) {
    return code != null && Money.isCurrency(code);
  }

  public List<ReportRecord> reports(String contractId) {
    return reports.reports(contractId);
  }

  /** Every statement version of the contract, by period then version. */
  public List<StatementRecord> statements(String contractId) {
    return statements.statements(contractId);
  }

  /** A statement by its id under the contract ({@code 2027-03-v2}), or "not found". */
  public StatementRecord statement(String contractId, String statementId) {
    return StatementId.inContract(contractId, statementId).flatMap(id -> statements.statement(id.toString()))
        .orElseThrow(() -> new NotFound("statement", statementId));
  }

  /** A statement by its stored id ({@code C-1/2027-03/v2}). */
  public Optional<StatementRecord> statementStored(String storedId) {
    return statements.statement(storedId);
  }

  public List<InvoiceRecord> invoices(String contractId) {
    return statements.invoices(contractId);
  }

  /** The statement as the API's CSV export renders it. */
  public String csv(StatementRecord record) {
    return StatementCsv.render(record.statement(), record.adjustment());
  }

  /**
   * Records settlement's refusal of a request in {@code problems} with the API's fields and codes
   * (every field or line error: {@code invalid-value}; a rule's own code; {@code state-conflict};
   * {@code not-found}), or any other refusal the forms know. Returns how many errors the service
   * found (it lists the first ones only), or null when {@code e} is no refusal (to be thrown).
   */
  public Long refusal(RuntimeException e, Refusals problems) {
    if (e instanceof SettlementProblem.Invalid invalid) {
      invalid.errors().forEach(f -> problems.add(f.field(), "invalid-value", f.reason()));
      return invalid.errorCount();
    }
    if (e instanceof SettlementProblem.Refused refused) {
      problems.add(null, refused.code(), refused.getMessage());
    } else if (e instanceof SettlementProblem.Conflict) {
      problems.add(null, "state-conflict", e.getMessage());
    } else if (e instanceof SettlementProblem.NotFound) {
      problems.add(null, "not-found", e.getMessage());
    } else if (!problems.record(e)) {
      return null;
    }
    return 1L;
  }

  /** As {@link #idInContract}, for templates: {@code @pageSettlement.id(s.id())}. */
  public String id(String storedId) {
    return idInContract(storedId);
  }

  /** The API's name of a statement under its contract: {@code 2027-03-v2}. */
  public static String idInContract(String storedId) {
    return StatementId.parse(storedId).inContract();
  }
}
