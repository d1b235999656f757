package io.reelx.exchange.finance.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.SettlementApi;
import io.reelx.api.model.RevenueReport;
import io.reelx.api.model.RevenueReportLine;
import io.reelx.api.model.RevenueReportOutcome;
import io.reelx.api.model.RevenueReportRequest;
import io.reelx.api.model.SettlementAgreement;
import io.reelx.api.model.SettlementInvoice;
import io.reelx.api.model.SettlementStatement;
import io.reelx.api.model.StatementPayee;
import io.reelx.api.model.StatementSummary;
import io.reelx.api.model.StatementAdjustment;
import io.reelx.api.model.StatementPayeeAdjustment;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.api.SettlementTermsMapping;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.idempotency.IdempotencyKeys;
import io.reelx.exchange.shared.idempotency.web.IdempotentRequests;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportOutcome;
import io.reelx.settlement.application.Records.ReportRecord;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.report.application.ReportService;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.application.SettlementJson;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.settlement.report.domain.LicensedWindow;
import io.reelx.settlement.report.domain.ReportLineInput;
import io.reelx.settlement.statement.domain.PayeeLine;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementCsv;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.shiro.authz.UnauthorizedException;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revenue reports and statements of a contract. The licensee platform submits reports (JSON or a
 * streamed CSV); parties read their statements; finance records the detailed terms.
 */
@RestController
public class SettlementController implements SettlementApi {

  private final Access access;
  private final SettlementAccess visibility;
  private final AgreementService agreements;
  private final ReportService reports;
  private final StatementService statements;
  private final IdempotencyKeys keys;
  private final IdempotentRequests idempotent;

  private final IdentityRegister identities;
  private final ContractRegister contracts;

  public SettlementController(Access access, SettlementAccess visibility, AgreementService agreements, ReportService reports,
      StatementService statements, IdempotencyKeys keys, IdempotentRequests idempotent, IdentityRegister identities,
      ContractRegister contracts) {
    this.identities = identities;
    this.contracts = contracts;
    this.access = access;
    this.visibility = visibility;
    this.agreements = agreements;
    this.reports = reports;
    this.statements = statements;
    this.keys = keys;
    this.idempotent = idempotent;
  }

  @Override
  public ResponseEntity<SettlementAgreement> getSettlementAgreement(String contractId) {
    return ResponseEntity.ok(toApi(visibility.visible(contractId, access.current())));
  }

  /**
   * Terms in the one shape (as a listing takes them), in the contract currency; without payees the
   * licensor takes the whole share from its own country. Problems are named from the body's root
   * ({@code payees[1].country}).
   */
  @Override
  public ResponseEntity<SettlementAgreement> replaceSettlementTerms(String contractId, io.reelx.api.model.SettlementTerms body) {
    CurrentUser user = access.require(Role.FINANCE);
    Agreement agreement = visibility.visible(contractId, user);
    SettlementTerms terms;
    try {
      terms = SettlementTermsMapping.fromApi(body).toTerms(agreement.currency(), agreement.licensorOrganizationId(),
          countryOf(agreement.licensorOrganizationId()));
    } catch (InvalidValue e) {
      throw new InvalidValue(e.fields().stream().map(f -> new InvalidValue.Field(
          f.field().equals("settlementTerms") ? "" : f.field().replaceFirst("^settlementTerms\\.", ""), f.reason())).toList());
    }
    // the agreement records its TermsReplaced event (who, when, the terms, the rule version): the one event
    return ResponseEntity.ok(toApi(agreements.replaceTerms(contractId, terms, user.userId().value())));
  }

  /** The organisation's country for withholding tax; "ZZ" (unknown) when it has none. */
  private String countryOf(String organizationId) {
    return identities.organization(new OrganizationId(organizationId)).map(OrganizationView::country)
        .filter(c -> c != null && c.matches("[A-Z]{2}")).orElse("ZZ");
  }

  @Override
  public ResponseEntity<RevenueReportOutcome> submitRevenueReport(String contractId, RevenueReportRequest request,
      String idempotencyKey) {
    CurrentUser user = licensee(contractId);
    List<ReportLineInput> lines = new ArrayList<>(request.getLines() == null ? 0 : request.getLines().size());
    if (request.getLines() != null) {
      for (RevenueReportLine l : request.getLines()) {
        lines.add(l == null ? new ReportLineInput(null, null, null, null, null, null, request.getCurrency())
            : new ReportLineInput(l.getEpisode(), l.getTerritory(), l.getChannel(), l.getViews(), l.getWatchHours(), l.getGross(),
                request.getCurrency()));
      }
    }
    ReportHeader header = new ReportHeader(contractId, request.getPeriod(), request.getVersion(), request.getCurrency(),
        request.getDeclaredPayable(), licensedWindow(contractId));
    return submit(contractId, idempotencyKey, user, remember -> reports.submitReport(header, new ReportSource.Lines(lines),
        user.userId().value(), remember));
  }

  @Override
  public ResponseEntity<RevenueReportOutcome> submitRevenueReportCsv(String contractId, String period, String currency,
      Long declaredPayable, Resource body, Integer version, String idempotencyKey) {
    CurrentUser user = licensee(contractId);
    ReportHeader header = new ReportHeader(contractId, period, version, currency, declaredPayable, licensedWindow(contractId));
    return submit(contractId, idempotencyKey, user, remember -> {
      try (Reader reader = new BufferedReader(new InputStreamReader(body.getInputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
        return reports.submitReport(header, new ReportSource.Csv(reader), user.userId().value(), remember);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * A keyed report takes its key in the transaction that stores it, once the body (perhaps a
   * streamed CSV) has been read and fingerprinted; a retry gets the first response.
   */
  private ResponseEntity<RevenueReportOutcome> submit(String contractId, String key, CurrentUser user,
      Function<Consumer<ReportOutcome>, ReportOutcome> work) {
    return idempotent.of(key, user.organizationId().value(), user.userId().value()).respond(RevenueReportOutcome.class,
        keyed -> {
          ReportOutcome outcome = work.apply(o -> {
            if (keyed.request() != null) {
              keys.claim(keyed.request());
              keys.remember(keyed.request(), o.report().statementId());
            }
          });
          return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(toApi(outcome));
        },
        statementId -> ResponseEntity.status(HttpStatus.CREATED).body(replayOf(contractId, statementId)));
  }

  private RevenueReportOutcome replayOf(String contractId, String statementId) {
    ReportRecord report = reports.reports(contractId).stream().filter(r -> r.statementId().equals(statementId)).findFirst()
        .orElseThrow();
    return toApi(new ReportOutcome(report, statements.statement(statementId).orElseThrow(), false));
  }

  /**
   * The territories and media the contract licenses, as report lines name them: its territories,
   * its media (leaves) and every parent medium whose leaves it licenses all of (VOD for SVOD, AVOD,
   * TVOD and FAST). Null (nothing checked) for a contract the register does not know.
   */
  private LicensedWindow licensedWindow(String contractId) {
    return contracts.find(contractId).map(c -> {
      Set<String> leaves = new HashSet<>(c.terms().window().media());
      Set<String> media = new HashSet<>(leaves);
      for (Media m : Media.values()) {
        if (m.leaves().stream().allMatch(leaf -> leaves.contains(leaf.name()))) {
          media.add(m.name());
        }
      }
      return new LicensedWindow(new HashSet<>(c.terms().window().territories()), media);
    }).orElse(null);
  }

  /** Only the contract's licensee platform reports; others who see the agreement are refused, the rest get 404. */
  private CurrentUser licensee(String contractId) {
    CurrentUser user = access.current();
    Agreement agreement = visibility.visible(contractId, user);
    if (!user.has(Role.PLATFORM) || !agreement.licenseeOrganizationId().equals(user.organizationId().value())) {
      throw new UnauthorizedException("Only the licensee platform submits revenue reports for contract " + contractId);
    }
    return user;
  }

  @Override
  public ResponseEntity<List<RevenueReport>> listRevenueReports(String contractId) {
    visibility.visible(contractId, access.current());
    return ResponseEntity.ok(reports.reports(contractId).stream().map(SettlementController::toApi).toList());
  }

  @Override
  public ResponseEntity<List<StatementSummary>> listStatements(String contractId) {
    visibility.visible(contractId, access.current());
    return ResponseEntity.ok(statements.statements(contractId).stream().map(this::summary).toList());
  }

  @Override
  @SuppressWarnings("unchecked")
  public ResponseEntity<SettlementStatement> getStatement(String contractId, String statementId) {
    StatementRecord record = statement(contractId, statementId);
    return ResponseEntity.ok(new SettlementStatement().summary(summary(record))
        .breakdown(SettlementJson.MAPPER.convertValue(record.statement(), Map.class)));
  }

  @Override
  public ResponseEntity<String> exportStatementCsv(String contractId, String statementId) {
    StatementRecord record = statement(contractId, statementId);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"statement-" + contractId + "-" + statementId + ".csv\"")
        .body(StatementCsv.render(record.statement(), record.adjustment()));
  }

  private StatementRecord statement(String contractId, String statementId) {
    visibility.visible(contractId, access.current());
    return StatementId.inContract(contractId, statementId).flatMap(id -> statements.statement(id.toString()))
        .orElseThrow(() -> new NotFound("statement", statementId));
  }

  // ------------------------------------------------------------------ mapping

  /** A statement's id as the API names it under its contract ({@code 2027-03-v2}), from the stored form. */
  static String apiStatementId(String storedId) {
    return StatementId.parse(storedId).inContract();
  }

  @SuppressWarnings("unchecked")
  private SettlementAgreement toApi(Agreement a) {
    return new SettlementAgreement()
        .contractId(a.contractId())
        .currency(a.currency())
        .licensorOrganizationId(a.licensorOrganizationId())
        .licenseeOrganizationId(a.licenseeOrganizationId())
        .terms(SettlementTermsMapping.toApi(ListingSettlementTerms.of(a.terms())))
        .mgRecouped(a.position().mgRecoupedMinor())
        .cumulativeVolume(a.position().cumulativeVolume().toPlainString())
        .flatFeeCharged(a.position().flatFeeCharged())
        .openedAt(utc(a.openedAt()))
        .endsOn(a.endsOn())
        .invoices(statements.invoices(a.contractId()).stream().map(i -> new SettlementInvoice().number(i.number())
            .counterpartyId(i.counterparty()).amount(i.amount()).currency(i.currency()).kind(i.kind()).period(i.period())).toList());
  }

  private RevenueReportOutcome toApi(ReportOutcome o) {
    return new RevenueReportOutcome().report(toApi(o.report())).statement(summary(o.statement())).replayed(o.replayed());
  }

  private static RevenueReport toApi(ReportRecord r) {
    return new RevenueReport().contractId(r.contractId()).period(r.period()).version(r.version()).currency(r.currency())
        .declaredPayable(r.declaredPayable()).lines(r.lines()).views(r.views()).watchHours(r.watchHours().toPlainString())
        .gross(r.gross()).contentSha256(r.contentSha256()).submittedAt(utc(r.submittedAt()))
        .statementId(apiStatementId(r.statementId()));
  }

  /** The organisation's name, when the exchange knows it (payees may be organisations outside it). */
  private String name(io.reelx.settlement.terms.domain.OrganizationId organization) {
    return identities.organization(new OrganizationId(organization.value())).map(OrganizationView::name).orElse(null);
  }

  StatementSummary summary(StatementRecord r) {
    Statement s = r.statement();
    List<StatementPayee> payees = new ArrayList<>();
    for (PayeeLine p : s.payees()) {
      payees.add(new StatementPayee().organizationId(p.organization().value()).organizationName(name(p.organization()))
          .shareBasisPoints(p.shareBasisPoints()).part(p.part().minor()).withholdingTax(p.withholdingTax().minor())
          .net(p.net().minor()));
    }
    StatementAdjustment adjustment = null;
    if (r.adjustment() != null) {
      var a = r.adjustment();
      adjustment = new StatementAdjustment().replaces(a.replaced().inContract()).gross(a.gross().minor()).share(a.share().minor())
          .recouped(a.recouped().minor()).flatFee(a.flatFee().minor()).payable(a.payable().minor())
          .exchangeFee(a.exchangeFee().minor())
          .payees(a.payees().stream().map(p -> new StatementPayeeAdjustment().organizationId(p.organization().value())
              .organizationName(name(p.organization())).part(p.part().minor()).withholdingTax(p.withholdingTax().minor())
              .net(p.net().minor())).toList());
    }
    return new StatementSummary().id(apiStatementId(r.id())).contractId(r.contractId()).period(r.period())
        .version(r.version()).currency(s.currency()).gross(s.gross().minor()).share(s.share().minor())
        .recouped(s.recoupedThisPeriod().minor()).flatFee(s.flatFee().minor()).payable(s.payable().minor())
        .exchangeFee(s.exchangeFee().minor()).withholdingTax(s.withholdingTax().minor()).declaredPayable(r.declaredPayable())
        .mgOutstanding(s.minimumGuaranteeOutstanding().minor()).createdAt(utc(r.createdAt())).payees(payees).adjustment(adjustment);
  }
}
