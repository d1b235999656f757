package io.reelx.settlement.agreement.domain;

import io.reelx.settlement.agreement.domain.AgreementCommand.ApprovePayout;
import io.reelx.settlement.agreement.domain.AgreementCommand.End;
import io.reelx.settlement.agreement.domain.AgreementCommand.Open;
import io.reelx.settlement.agreement.domain.AgreementCommand.RecordDiscrepancy;
import io.reelx.settlement.agreement.domain.AgreementCommand.RecordPayment;
import io.reelx.settlement.agreement.domain.AgreementCommand.RefusePayout;
import io.reelx.settlement.agreement.domain.AgreementCommand.ReplaceTerms;
import io.reelx.settlement.agreement.domain.AgreementCommand.ReportRevenue;
import io.reelx.settlement.agreement.domain.AgreementCommand.RequestPayout;
import io.reelx.settlement.agreement.domain.AgreementCommand.ResolveDiscrepancy;
import io.reelx.settlement.agreement.domain.AgreementEvent.AgreementEnded;
import io.reelx.settlement.agreement.domain.AgreementEvent.AgreementOpened;
import io.reelx.settlement.agreement.domain.AgreementEvent.DiscrepancyFound;
import io.reelx.settlement.agreement.domain.AgreementEvent.DiscrepancyResolved;
import io.reelx.settlement.agreement.domain.AgreementEvent.InvoiceKind;
import io.reelx.settlement.agreement.domain.AgreementEvent.InvoiceRaised;
import io.reelx.settlement.agreement.domain.AgreementEvent.PaymentReceived;
import io.reelx.settlement.agreement.domain.AgreementEvent.PayoutApproved;
import io.reelx.settlement.agreement.domain.AgreementEvent.PayoutRefused;
import io.reelx.settlement.agreement.domain.AgreementEvent.PayoutRequested;
import io.reelx.settlement.agreement.domain.AgreementEvent.RevenueReported;
import io.reelx.settlement.agreement.domain.AgreementEvent.StatementIssued;
import io.reelx.settlement.agreement.domain.AgreementEvent.StatementRestated;
import io.reelx.settlement.agreement.domain.AgreementEvent.TermsReplaced;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.PostingPlan;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.money.Allocation;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.payout.domain.CoveredPayout;
import io.reelx.settlement.payout.domain.FourEyes;
import io.reelx.settlement.reconciliation.domain.Discrepancy;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.FxRate;
import io.reelx.settlement.statement.domain.RestatementCascade;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementAdjustment;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.FieldError;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsValidator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A settlement agreement as an event-sourced aggregate in plain Java: {@link #decide} answers a
 * command with the events it causes (none for a replay) or refuses it ({@link AgreementRefused});
 * {@link #evolve} folds an event into the state; {@link #postings} lists what an event posts to
 * the ledger, with transfer ids derived from the event's cause (the same ids the services used, so a
 * replay posts nothing twice). Deciding never changes the state.
 *
 * <p>The rules are the ones settlement's application services applied before: terms change only before the first
 * statement and an invoiced MG never changes; months are reported in order and not after the
 * licence ended; a report version is idempotent by content; a restatement re-rates every later
 * period ({@link RestatementCascade}); a receipt quotes an invoice of the agreement; a discrepancy is
 * resolved once; a payout is approved by another officer ({@link FourEyes}) and only if covered
 * ({@link CoveredPayout}).
 */
public final class SettlementAgreement {

  /** One report version of a period as recorded. */
  public record ReportVersion(String period, int version, ReportSummary totals, String linesSha256, long declaredPayable,
      StatementId statementId, String submittedBy, Instant at) {}

  /** One invoice of the agreement. */
  public record InvoiceState(String number, String counterparty, Money amount, InvoiceKind kind, String period) {}

  /** A payout and where it stands: REQUESTED, APPROVED or REFUSED. */
  public record PayoutState(String id, String organizationId, Money amount, String requestedBy, String status, String decidedBy) {}

  private static final int MAX_VERSION = 1_000_000;

  private String contractId;
  private String listingId;
  private String currency;
  private String licensor;
  private String licensee;
  private SettlementTerms terms;
  private int ruleVersion;
  private ZoneId zone;
  private Instant openedAt;
  private LocalDate endsOn;
  private SettlementPosition position = SettlementPosition.INITIAL;
  /** Report versions per period, in period order. */
  private final TreeMap<String, List<ReportVersion>> reports = new TreeMap<>();
  /** Every statement version per period, in period order. */
  private final TreeMap<String, List<Statement>> statements = new TreeMap<>();
  private final Map<String, InvoiceState> invoices = new LinkedHashMap<>();
  private final Map<String, PaymentReceived> payments = new LinkedHashMap<>();
  private final Map<String, Discrepancy> discrepancies = new LinkedHashMap<>();
  private final Map<String, PayoutState> payouts = new LinkedHashMap<>();

  /** The state after {@code history} (empty: no agreement yet). */
  public static SettlementAgreement replay(List<? extends AgreementEvent> history) {
    SettlementAgreement agreement = new SettlementAgreement();
    history.forEach(agreement::evolve);
    return agreement;
  }

  // ================================================================== decide

  /** The events {@code command} causes, in order (empty: a replay, nothing new); refused with {@link AgreementRefused}. */
  public List<AgreementEvent> decide(AgreementCommand command) {
    if (!(command instanceof Open) && contractId == null) {
      throw AgreementRefused.notFound("settlement agreement for contract", command.contractId());
    }
    if (command instanceof Open c) {
      return open(c);
    } else if (command instanceof ReplaceTerms c) {
      return replaceTerms(c);
    } else if (command instanceof End c) {
      return endsOn != null && !c.lastDay().isBefore(endsOn) ? List.of() : List.of(new AgreementEnded(contractId, c.lastDay()));
    } else if (command instanceof ReportRevenue c) {
      return report(c);
    } else if (command instanceof RecordPayment c) {
      return recordPayment(c);
    } else if (command instanceof RecordDiscrepancy c) {
      return recordDiscrepancy(c);
    } else if (command instanceof ResolveDiscrepancy c) {
      return resolveDiscrepancy(c);
    } else if (command instanceof RequestPayout c) {
      return requestPayout(c);
    } else if (command instanceof ApprovePayout c) {
      return approvePayout(c);
    } else if (command instanceof RefusePayout c) {
      return refusePayout(c);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private List<AgreementEvent> open(Open c) {
    if (contractId != null) {
      return List.of();
    }
    OpenAgreement o = c.agreement();
    List<FieldError> errors = TermsValidator.validate(o.terms());
    if (!errors.isEmpty()) {
      throw AgreementRefused.invalid("The settlement terms of contract " + o.contractId() + " are invalid", errors);
    }
    List<AgreementEvent> events = new ArrayList<>();
    events.add(new AgreementOpened(o.contractId(), o.listingId(), o.currency(), o.licensorOrganizationId(),
        o.licenseeOrganizationId(), o.terms(), 1, o.priceDue(), o.priceDueOn(), c.zone(), o.activatedAt()));
    String period = YearMonth.from(o.activatedAt().atZone(c.zone())).toString();
    if (o.priceDue() > 0) {
      events.add(new InvoiceRaised(o.contractId(), "INV-" + o.contractId() + "-PRICE", o.licenseeOrganizationId(),
          Money.of(o.priceDue(), o.currency()), InvoiceKind.LICENCE_PRICE, period, o.activatedAt()));
    }
    mgInvoice(o.contractId(), o.licenseeOrganizationId(), o.currency(), o.terms(), period, o.activatedAt()).ifPresent(events::add);
    return events;
  }

  private static Optional<InvoiceRaised> mgInvoice(String contractId, String licensee, String currency, SettlementTerms terms,
      String period, Instant at) {
    long mg = terms.minimumGuarantee() == null ? 0 : terms.minimumGuarantee().amountMinor();
    return mg <= 0 ? Optional.empty() : Optional.of(new InvoiceRaised(contractId, mgInvoiceNumber(contractId), licensee,
        Money.of(mg, currency), InvoiceKind.MINIMUM_GUARANTEE, period, at));
  }

  private static String mgInvoiceNumber(String contractId) {
    return "INV-" + contractId + "-MG";
  }

  private List<AgreementEvent> replaceTerms(ReplaceTerms c) {
    List<FieldError> errors = TermsValidator.validate(c.terms());
    if (!errors.isEmpty()) {
      throw AgreementRefused.invalid("The settlement terms are invalid", errors);
    }
    if (!c.terms().currency().equals(currency)) {
      throw AgreementRefused.invalid("The terms must be in the contract currency",
          List.of(new FieldError("currency", "must be the contract currency " + currency)));
    }
    if (!statements.isEmpty()) {
      throw AgreementRefused.conflict("Contract " + contractId + " already has statements: its terms can no longer change");
    }
    InvoiceState mgInvoiced = invoices.get(mgInvoiceNumber(contractId));
    if (mgInvoiced != null && (!Objects.equals(terms.minimumGuarantee(), c.terms().minimumGuarantee())
        || !terms.payees().equals(c.terms().payees()))) {
      throw AgreementRefused.conflict("The minimum guarantee of contract " + contractId
          + " is already invoiced and credited to its payees: the MG and the payees can no longer change");
    }
    List<AgreementEvent> events = new ArrayList<>();
    events.add(new TermsReplaced(contractId, c.terms(), ruleVersion + 1, c.replacedBy(), c.at()));
    if (mgInvoiced == null) {
      mgInvoice(contractId, licensee, currency, c.terms(), monthOf(c.at()), c.at()).ifPresent(events::add);
    }
    return events;
  }

  private List<AgreementEvent> report(ReportRevenue c) {
    YearMonth month;
    try {
      month = YearMonth.parse(c.period());
    } catch (DateTimeParseException | NullPointerException e) {
      throw AgreementRefused.invalid("The report header is invalid",
          List.of(new FieldError("period", "must be a month as YYYY-MM, not '" + c.period() + "'")));
    }
    if (c.version() != null && (c.version() < 1 || c.version() > MAX_VERSION)) {
      throw AgreementRefused.invalid("The report header is invalid",
          List.of(new FieldError("version", "must be between 1 and " + MAX_VERSION)));
    }
    if (endsOn != null && month.atDay(1).isAfter(endsOn)) {
      throw AgreementRefused.rule("period-after-licence-end", "The licence of contract " + contractId + " ended on " + endsOn
          + ": there is no revenue of " + c.period() + " to settle under it");
    }
    List<ReportVersion> versions = reports.getOrDefault(c.period(), List.of());
    ReportVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
    if (latest == null && !reports.isEmpty() && reports.lastKey().compareTo(c.period()) > 0) {
      throw AgreementRefused.rule("period-out-of-order", "Contract " + contractId + " already has revenue reported for "
          + reports.lastKey() + "; months are reported in order (restate a month with a new version of its report)");
    }
    int version;
    if (c.version() == null) {
      if (latest != null && same(latest, c)) {
        return List.of();
      }
      version = latest == null ? 1 : latest.version() + 1;
    } else {
      version = c.version();
      Optional<ReportVersion> taken = versions.stream().filter(r -> r.version() == version).findFirst();
      if (taken.isPresent()) {
        if (same(taken.get(), c)) {
          return List.of();
        }
        throw AgreementRefused.conflict("Version " + version + " of the " + c.period() + " report of contract " + contractId
            + " was submitted with other content; a restatement is the next version (" + (latest.version() + 1) + ")");
      }
      int next = latest == null ? 1 : latest.version() + 1;
      if (version != next) {
        throw AgreementRefused.rule("report-version-gap", "The next version of the " + c.period() + " report is " + next
            + ", not " + version);
      }
    }
    FxRate fx = null;
    if (!c.totals().currency().equals(currency)) {
      if (c.fx() == null || !c.fx().from().equals(c.totals().currency()) || !c.fx().to().equals(currency)) {
        throw AgreementRefused.rule("fx-rate-missing", "The report is in " + c.totals().currency() + " and the contract in "
            + currency + ": finance must set the " + c.totals().currency() + "->" + currency + " rate first");
      }
      fx = c.fx();
    }
    List<AgreementEvent> events = new ArrayList<>();
    List<AgreementEvent> after = new ArrayList<>();
    StatementId produced;
    SettlementPosition positionAfter;
    if (latest == null) {
      produced = new StatementId(contractId, c.period(), 1);
      Statement statement = StatementCalculator.calculate(produced, terms, c.totals(), position, fx);
      after.add(new StatementIssued(contractId, statement, c.declaredPayable(), ruleVersion, c.at()));
      if (statement.payable().minor() != 0) {
        after.add(new InvoiceRaised(contractId, "INV-" + produced, licensee, statement.payable(), InvoiceKind.STATEMENT,
            c.period(), c.at()));
      }
      positionAfter = statement.closingPosition();
    } else {
      RestatementCascade.Result result = cascade(c.period(), c.totals(), fx);
      for (int i = 0; i < result.statements().size(); i++) {
        Statement statement = result.statements().get(i);
        StatementAdjustment adjustment = result.adjustments().get(i);
        String period = statement.id().period();
        long declared = period.equals(c.period()) ? c.declaredPayable() : latestReport(period).declaredPayable();
        after.add(new StatementRestated(contractId, statement, adjustment, declared, ruleVersion, c.at()));
        if (adjustment.payable().minor() != 0) {
          after.add(new InvoiceRaised(contractId, "INV-" + statement.id(), licensee, adjustment.payable(), InvoiceKind.ADJUSTMENT,
              period, c.at()));
        }
      }
      produced = result.statements().get(0).id();
      positionAfter = result.closing();
    }
    events.add(new RevenueReported(contractId, c.period(), version, c.totals(), c.linesSha256(), c.declaredPayable(), produced,
        positionAfter, c.submittedBy(), c.at()));
    events.addAll(after);
    return events;
  }

  /** Restates {@code period} with new figures and re-rates every later period on its own latest figures. */
  private RestatementCascade.Result cascade(String period, ReportSummary totals, FxRate fx) {
    List<Statement> current = new ArrayList<>();
    List<RestatementCascade.Figures> figures = new ArrayList<>();
    for (Map.Entry<String, List<Statement>> e : statements.tailMap(period, true).entrySet()) {
      Statement latest = e.getValue().get(e.getValue().size() - 1);
      current.add(latest);
      figures.add(e.getKey().equals(period) ? new RestatementCascade.Figures(totals, fx)
          : new RestatementCascade.Figures(latestReport(e.getKey()).totals(), latest.fxRate()));
    }
    Statement stated = current.get(0);
    Map.Entry<String, List<Statement>> before = statements.lowerEntry(period);
    SettlementPosition opening = before == null ? stated.openingPosition()
        : before.getValue().get(before.getValue().size() - 1).closingPosition();
    return RestatementCascade.restate(terms, opening, current, figures, stated.id().version() + 1);
  }

  private static boolean same(ReportVersion r, ReportRevenue c) {
    return r.linesSha256().equals(c.linesSha256()) && r.totals().currency().equals(c.totals().currency())
        && r.declaredPayable() == c.declaredPayable();
  }

  private List<AgreementEvent> recordPayment(RecordPayment c) {
    PaymentReceived existing = payments.get(c.receiptId());
    if (existing != null) {
      if (existing.counterparty().equals(c.counterparty()) && existing.amount().equals(c.amount())
          && existing.bankReference().equals(c.bankReference()) && Objects.equals(existing.invoiceNumber(), c.invoiceNumber())) {
        return List.of();
      }
      throw AgreementRefused.conflict("Idempotency key " + c.receiptId() + " was used for another receipt");
    }
    InvoiceState invoice = c.invoiceNumber() == null ? null : invoices.get(c.invoiceNumber());
    if (invoice == null) {
      throw AgreementRefused.invalid("Unknown invoice", List.of(new FieldError("invoiceNumber", "no invoice " + c.invoiceNumber())));
    }
    if (!invoice.counterparty().equals(c.counterparty()) || !invoice.amount().currency().equals(c.amount().currency())) {
      throw AgreementRefused.rule("receipt-invoice-mismatch", "Invoice " + c.invoiceNumber() + " is owed by " + invoice.counterparty()
          + " in " + invoice.amount().currency());
    }
    if (c.amount().minor() <= 0) {
      throw AgreementRefused.invalid("The receipt is invalid", List.of(new FieldError("amount", "must be positive")));
    }
    return List.of(new PaymentReceived(contractId, c.receiptId(), c.counterparty(), c.amount(), c.bankReference(), c.invoiceNumber(),
        invoice.period(), c.receivedOn(), c.recordedBy(), c.at()));
  }

  private List<AgreementEvent> recordDiscrepancy(RecordDiscrepancy c) {
    Discrepancy known = discrepancies.get(c.discrepancy().id());
    if (known != null && (!known.isOpen() || sameFigures(known, c.discrepancy()))) {
      return List.of();
    }
    if (c.discrepancy().resolution() != null) {
      throw AgreementRefused.invalid("A discrepancy is found open", List.of(new FieldError("resolution", "must be absent")));
    }
    return List.of(new DiscrepancyFound(contractId, c.discrepancy(), c.period(), c.at()));
  }

  private static boolean sameFigures(Discrepancy a, Discrepancy b) {
    return a.expected().equals(b.expected()) && a.actual().equals(b.actual()) && Objects.equals(a.explanation(), b.explanation())
        && a.details().equals(b.details());
  }

  private List<AgreementEvent> resolveDiscrepancy(ResolveDiscrepancy c) {
    Discrepancy d = discrepancies.get(c.discrepancyId());
    if (d == null) {
      throw AgreementRefused.notFound("discrepancy", c.discrepancyId());
    }
    if (!d.isOpen()) {
      throw AgreementRefused.conflict("Discrepancy " + d.id() + " was already resolved (" + d.resolution().outcome() + ")");
    }
    return List.of(new DiscrepancyResolved(contractId, d.id(), c.resolution()));
  }

  private List<AgreementEvent> requestPayout(RequestPayout c) {
    PayoutState existing = payouts.get(c.payoutId());
    if (existing != null) {
      if (existing.organizationId().equals(c.organizationId()) && existing.amount().equals(c.amount())) {
        return List.of();
      }
      throw AgreementRefused.conflict("Idempotency key " + c.payoutId() + " was used for another payout");
    }
    List<FieldError> errors = new ArrayList<>();
    if (c.amount().minor() <= 0) {
      errors.add(new FieldError("amount", "must be positive"));
    }
    if (!c.amount().currency().equals(currency)) {
      errors.add(new FieldError("currency", "must be the contract currency " + currency));
    }
    if (!errors.isEmpty()) {
      throw AgreementRefused.invalid("The payout is invalid", errors);
    }
    if (!isParty(c.organizationId())) {
      throw AgreementRefused.rule("payout-not-a-party", c.organizationId() + " is not a party to contract " + contractId);
    }
    return List.of(new PayoutRequested(contractId, c.payoutId(), c.organizationId(), c.amount(), c.requestedBy(), c.at()));
  }

  private PayoutState payout(String id) {
    PayoutState p = payouts.get(id);
    if (p == null) {
      throw AgreementRefused.notFound("payout", id);
    }
    return p;
  }

  private List<AgreementEvent> approvePayout(ApprovePayout c) {
    PayoutState p = payout(c.payoutId());
    switch (p.status()) {
      case "APPROVED" -> {
        return List.of();
      }
      case "REFUSED" -> throw AgreementRefused.conflict("Payout " + p.id() + " was refused by " + p.decidedBy());
      default -> { }
    }
    FourEyes.refusal(p.id(), p.requestedBy(), c.approvedBy()).ifPresent(reason -> {
      throw AgreementRefused.rule("four-eyes", reason);
    });
    CoveredPayout.refusal(p.organizationId(), c.balance(), p.amount()).ifPresent(reason -> {
      throw AgreementRefused.rule("insufficient-balance", reason);
    });
    return List.of(new PayoutApproved(contractId, p.id(), c.approvedBy(), c.at()));
  }

  private List<AgreementEvent> refusePayout(RefusePayout c) {
    PayoutState p = payout(c.payoutId());
    return switch (p.status()) {
      case "REFUSED" -> List.of();
      case "APPROVED" -> throw AgreementRefused.conflict("Payout " + p.id() + " was already approved and paid");
      default -> {
        if (c.reason() == null || c.reason().isBlank()) {
          throw AgreementRefused.invalid("A refusal needs a reason", List.of(new FieldError("reason", "is required")));
        }
        yield List.of(new PayoutRefused(contractId, p.id(), c.refusedBy(), c.reason(), c.at()));
      }
    };
  }

  // ================================================================== evolve

  /** Folds {@code event} into the state. */
  public void evolve(AgreementEvent event) {
    if (event instanceof AgreementOpened e) {
      contractId = e.contractId();
      listingId = e.listingId();
      currency = e.currency();
      licensor = e.licensorOrganizationId();
      licensee = e.licenseeOrganizationId();
      terms = e.terms();
      ruleVersion = e.ruleVersion();
      zone = e.zone();
      openedAt = e.openedAt();
    } else if (event instanceof TermsReplaced e) {
      terms = e.terms();
      ruleVersion = e.ruleVersion();
    } else if (event instanceof AgreementEnded e) {
      endsOn = e.lastDay();
    } else if (event instanceof RevenueReported e) {
      reports.computeIfAbsent(e.period(), p -> new ArrayList<>()).add(new ReportVersion(e.period(), e.version(), e.totals(),
          e.linesSha256(), e.declaredPayable(), e.statementId(), e.submittedBy(), e.at()));
      position = e.positionAfter();
    } else if (event instanceof StatementIssued e) {
      statements.computeIfAbsent(e.statement().id().period(), p -> new ArrayList<>()).add(e.statement());
    } else if (event instanceof StatementRestated e) {
      statements.computeIfAbsent(e.statement().id().period(), p -> new ArrayList<>()).add(e.statement());
    } else if (event instanceof InvoiceRaised e) {
      invoices.put(e.number(), new InvoiceState(e.number(), e.counterparty(), e.amount(), e.kind(), e.period()));
    } else if (event instanceof PaymentReceived e) {
      payments.put(e.receiptId(), e);
    } else if (event instanceof DiscrepancyFound e) {
      discrepancies.put(e.discrepancy().id(), e.discrepancy());
    } else if (event instanceof DiscrepancyResolved e) {
      discrepancies.computeIfPresent(e.discrepancyId(), (id, d) -> d.resolve(e.resolution()));
    } else if (event instanceof PayoutRequested e) {
      payouts.put(e.payoutId(), new PayoutState(e.payoutId(), e.organizationId(), e.amount(), e.requestedBy(), "REQUESTED", null));
    } else if (event instanceof PayoutApproved e) {
      payouts.computeIfPresent(e.payoutId(),
          (id, p) -> new PayoutState(id, p.organizationId(), p.amount(), p.requestedBy(), "APPROVED", e.approvedBy()));
    } else if (event instanceof PayoutRefused e) {
      payouts.computeIfPresent(e.payoutId(),
          (id, p) -> new PayoutState(id, p.organizationId(), p.amount(), p.requestedBy(), "REFUSED", e.refusedBy()));
    }
  }

  // ================================================================== ledger

  /**
   * The transfers {@code event} posts, on the state it was decided on and folded into (call after
   * {@link #evolve}). Ids derive from the cause: {@code agreement:C-1:price}, {@code
   * agreement:C-1:mg:<payee>}, {@code statement:<id>:...}, {@code receipt:<id>}, {@code payout:<id>}.
   */
  public List<Transfer> postings(AgreementEvent event) {
    OrganizationId platform = new OrganizationId(licensee);
    if (event instanceof InvoiceRaised e && e.kind() == InvoiceKind.LICENCE_PRICE) {
      return List.of(Transfer.posted("agreement:" + contractId + ":price", AccountId.organization(platform, currency),
          AccountId.organization(new OrganizationId(licensor), currency), e.amount(), TransferCode.LICENCE_PRICE));
    } else if (event instanceof InvoiceRaised e && e.kind() == InvoiceKind.MINIMUM_GUARANTEE) {
      return mgTransfers(e.amount());
    } else if (event instanceof StatementIssued e) {
      return PostingPlan.forStatement(e.statement(), platform);
    } else if (event instanceof StatementRestated e) {
      return PostingPlan.forAdjustment(e.adjustment(), platform);
    } else if (event instanceof PaymentReceived e) {
      return List.of(Transfer.posted("receipt:" + e.receiptId(), AccountId.system(AccountKind.BANK, e.amount().currency()),
          AccountId.organization(new OrganizationId(e.counterparty()), e.amount().currency()), e.amount(), TransferCode.BANK_RECEIPT));
    } else if (event instanceof PayoutApproved e) {
      PayoutState p = payouts.get(e.payoutId());
      return List.of(Transfer.posted("payout:" + p.id(), AccountId.organization(new OrganizationId(p.organizationId()), currency),
          AccountId.system(AccountKind.BANK, currency), p.amount(), TransferCode.PAYOUT));
    }
    return List.of();
  }

  private List<Transfer> mgTransfers(Money mg) {
    long[] weights = terms.payees().stream().mapToLong(Payee::shareBasisPoints).toArray();
    long[] parts = Allocation.byWeights(mg.minor(), weights);
    AccountId platform = AccountId.organization(new OrganizationId(licensee), currency);
    List<Transfer> transfers = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] > 0) {
        OrganizationId payee = terms.payees().get(i).organization();
        transfers.add(Transfer.posted("agreement:" + contractId + ":mg:" + payee, platform, AccountId.organization(payee, currency),
            Money.of(parts[i], currency), TransferCode.MINIMUM_GUARANTEE));
      }
    }
    return transfers;
  }

  // ================================================================== reading

  private String monthOf(Instant at) {
    return YearMonth.from(at.atZone(zone)).toString();
  }

  private boolean isParty(String organizationId) {
    return licensor.equals(organizationId) || licensee.equals(organizationId)
        || terms.payees().stream().anyMatch(p -> p.organization().value().equals(organizationId));
  }

  public boolean isOpen() {
    return contractId != null;
  }

  /** The agreement as the services and the API show it. */
  public Agreement agreement() {
    return new Agreement(contractId, currency, licensor, licensee, terms, position, openedAt, endsOn);
  }

  public String contractId() {
    return contractId;
  }

  public String listingId() {
    return listingId;
  }

  public int ruleVersion() {
    return ruleVersion;
  }

  public SettlementPosition position() {
    return position;
  }

  private ReportVersion latestReport(String period) {
    List<ReportVersion> versions = reports.get(period);
    return versions.get(versions.size() - 1);
  }

  /** Every report version of {@code period}, in version order. */
  public List<ReportVersion> reports(String period) {
    return List.copyOf(reports.getOrDefault(period, List.of()));
  }

  /** Every statement version of {@code period}, in version order. */
  public List<Statement> statements(String period) {
    return List.copyOf(statements.getOrDefault(period, List.of()));
  }

  public Optional<Statement> latestStatement(String period) {
    List<Statement> versions = statements.get(period);
    return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  public Optional<InvoiceState> invoice(String number) {
    return Optional.ofNullable(invoices.get(number));
  }

  public List<InvoiceState> invoices() {
    return List.copyOf(invoices.values());
  }

  public Optional<Discrepancy> discrepancy(String id) {
    return Optional.ofNullable(discrepancies.get(id));
  }

  public Optional<PayoutState> findPayout(String id) {
    return Optional.ofNullable(payouts.get(id));
  }
}
