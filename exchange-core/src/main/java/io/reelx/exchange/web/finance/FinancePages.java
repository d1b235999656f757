package io.reelx.exchange.web.finance;

import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractRegister.ContractSearch;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.identity.security.Passwords;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.RecordDepositReceived;
import io.reelx.exchange.listing.command.Result;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.query.AuctionViews;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.idempotency.KeyAlreadyUsed;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import io.reelx.exchange.web.Formats;
import io.reelx.exchange.web.PageController;
import io.reelx.exchange.web.forms.FormInput;
import io.reelx.exchange.web.forms.Refusals;
import io.reelx.settlement.application.Records.DiscrepancyRecord;
import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.application.Records.ReceiptRecord;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.TrialBalance;
import io.reelx.settlement.payout.domain.FourEyes;
import io.reelx.settlement.reconciliation.domain.Resolution;
import io.reelx.settlement.statement.domain.StatementCsv;
import io.reelx.settlement.statement.domain.StatementId;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finance's workspace. Each form carries a key made when it was rendered, which is the receipt's
 * or payout's id (a deposit's idempotency key): a double click or a resent form records once. A
 * refused form is shown again with what was typed and each problem next to its field, with the
 * API's field names and codes; nothing is stored. Every settlement call goes through
 * {@link FinanceDesk}; deposits are the listing's command, as the API sends it.
 */
@PageController
public class FinancePages {

  private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
  private static final int LIST_LIMIT = 100;

  /** A state of an invoice, from the receipts that quote it. */
  public enum InvoiceState { OPEN, PART_PAID, PAID }

  /** An invoice with what was received against it. */
  public record InvoiceRow(InvoiceRecord invoice, long received, InvoiceState state) {}

  /** A statement version and its id within its contract (as the CSV link names it). */
  public record StatementRow(StatementRecord record, String inContract) {}

  /** A payout as the signed-in officer sees it: whether they may approve it, and why not. */
  public record PayoutRow(PayoutRecord payout, String organizationName, boolean approvable, String whyNot) {}

  private final Access access;
  private final FinanceDesk desk;
  private final FinanceActions actions;
  private final CommandGateway commands;
  private final AuctionViews auctions;
  private final ContractRegister contracts;
  private final IdentityRegister identities;
  private final Formats formats;
  private final Clock clock;

  public FinancePages(Access access, FinanceDesk desk, FinanceActions actions, CommandGateway commands,
      AuctionViews auctions, ContractRegister contracts, IdentityRegister identities, Formats formats, Clock clock) {
    this.access = access;
    this.desk = desk;
    this.actions = actions;
    this.commands = commands;
    this.auctions = auctions;
    this.contracts = contracts;
    this.identities = identities;
    this.formats = formats;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ workspace and deposits

  @GetMapping("/finance")
  public String workspace(Model model) {
    CurrentUser me = access.require(Role.FINANCE);
    return workspace(me, null, FormInput.empty(), Refusals.none(), model);
  }

  private String workspace(CurrentUser me, String refusedRegistration, FormInput form, Refusals problems, Model model) {
    List<FinanceActions.DepositDue> due = actions.depositsDue(me);
    model.addAttribute("deposits", due);
    model.addAttribute("names", names());
    model.addAttribute("openDiscrepancies", desk.discrepancies(null, true).size());
    model.addAttribute("awaitingApproval", actions.payoutsAwaitingApproval());
    model.addAttribute("awaitingMe", actions.payoutsAwaitingApprovalBy(me));
    model.addAttribute("refusedRegistration", refusedRegistration);
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    model.addAttribute("formKey", UUID.randomUUID().toString());
    return "finance/workspace";
  }

  @PostMapping("/finance/deposits")
  public String recordDeposit(@RequestParam MultiValueMap<String, String> params, Model model,
      HttpServletResponse response) {
    CurrentUser me = access.require(Role.FINANCE);
    FormInput f = FormInput.of(params);
    Refusals problems = Refusals.none();
    String registrationId = f.v("registrationId");
    FinanceActions.DepositDue due = actions.depositsDue(me).stream()
        .filter(d -> d.registration().id().equals(registrationId)).findFirst().orElse(null);
    if (due == null) {
      // recorded meanwhile (a second click after the first was recorded), or never due: nothing to do here
      if (auctions.registration(registrationId).filter(r -> r.depositReceived() != null).isPresent()) {
        return "redirect:/finance?done=deposit";
      }
      throw new NotFound("registration awaiting a deposit", registrationId);
    }
    String currency = due.registration().currency();
    Long amount = problems.collect(() -> formats.toMinor(f.v("amount"), currency, "amount"));
    String bankReference = f.v("bankReference");
    if (bankReference.isEmpty() || bankReference.length() > 100) {
      problems.add("bankReference", "invalid-value", "is required, at most 100 characters");
    }
    String key = problems.collect(() -> checkedKey(f.v("formKey")));
    if (problems.isEmpty()) {
      KeyedRequest keyed = new KeyedRequest(me.organizationId().value(), "page-deposit:" + key,
          Passwords.sha256(me.userId().value() + "\n" + registrationId + "\n" + amount + "\n" + bankReference));
      try {
        Result result = commands.sendAndWait(new RecordDepositReceived(new ListingId(due.listing().id()),
            new RegistrationId(registrationId), actor(me), amount, currency, bankReference, keyed));
        auctions.awaitRegistration(registrationId, result.version(), READ_YOUR_WRITES);
      } catch (KeyAlreadyUsed repeated) {
        // the same form sent twice: recorded once
      } catch (RuntimeException e) {
        if (!problems.record(e)) {
          throw e;
        }
      }
    }
    if (!problems.isEmpty()) {
      response.setStatus(422);
      return workspace(me, registrationId, f, problems, model);
    }
    return "redirect:/finance?done=deposit";
  }

  // ------------------------------------------------------------------ invoices and payments

  @GetMapping("/finance/payments")
  public String payments(@RequestParam(name = "contract", required = false) String contract,
      @RequestParam(name = "period", required = false) String period, Model model) {
    CurrentUser me = access.require(Role.FINANCE);
    FormInput form = FormInput.empty().with("currency", "CNY").with("receivedOn", LocalDate.now(clock.withZone(Formats.SHANGHAI)).toString());
    Optional<ContractView> chosen = Optional.ofNullable(contract).filter(c -> !c.isBlank()).flatMap(contracts::find);
    if (chosen.isPresent()) {
      form = form.with("counterpartyId", chosen.get().terms().licensee().organizationId())
          .with("currency", chosen.get().terms().currency()).with("contract", chosen.get().id());
    }
    return payments(me, contract, period, form.with("formKey", UUID.randomUUID().toString()), Refusals.none(), model);
  }

  private String payments(CurrentUser me, String contract, String period, FormInput form, Refusals problems,
      Model model) {
    String shownPeriod = period == null || period.isBlank() ? null : period.strip();
    List<ContractView> all = contracts.search(new ContractSearch(me.organizationId().value(), true, null, null, null),
        0, LIST_LIMIT).items();
    model.addAttribute("contracts", all);
    List<ReceiptRecord> receipts = desk.receipts(null);
    Map<String, Long> paid = receipts.stream().filter(r -> r.invoiceNumber() != null)
        .collect(Collectors.groupingBy(ReceiptRecord::invoiceNumber, Collectors.summingLong(ReceiptRecord::amount)));
    List<InvoiceRow> invoices = new ArrayList<>();
    List<StatementRow> statements = List.of();
    ContractView chosen = contract == null || contract.isBlank() ? null : contracts.find(contract).orElse(null);
    if (chosen != null) {
      for (InvoiceRecord i : desk.invoices(chosen.id())) {
        if (shownPeriod == null || shownPeriod.equals(i.period())) {
          long received = paid.getOrDefault(i.number(), 0L);
          invoices.add(new InvoiceRow(i, received, received <= 0 ? InvoiceState.OPEN
              : received < i.amount() ? InvoiceState.PART_PAID : InvoiceState.PAID));
        }
      }
      statements = desk.statements(chosen.id()).stream()
          .filter(s -> shownPeriod == null || shownPeriod.equals(s.period()))
          .map(s -> new StatementRow(s, StatementId.parse(s.id()).inContract())).toList();
    }
    model.addAttribute("contract", chosen);
    model.addAttribute("period", shownPeriod == null ? "" : shownPeriod);
    model.addAttribute("invoices", invoices);
    model.addAttribute("statements", statements);
    List<ReceiptRecord> shown = new ArrayList<>(receipts.stream()
        .filter(r -> shownPeriod == null || shownPeriod.equals(r.period())).toList());
    java.util.Collections.reverse(shown);
    model.addAttribute("receipts", shown.stream().limit(LIST_LIMIT).toList());
    model.addAttribute("organisations", organisations());
    model.addAttribute("names", names());
    model.addAttribute("people", people());
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    return "finance/payments";
  }

  @PostMapping("/finance/payments")
  public String recordPayment(@RequestParam MultiValueMap<String, String> params, Model model,
      HttpServletResponse response) {
    CurrentUser me = access.require(Role.FINANCE);
    FormInput f = FormInput.of(params);
    Refusals problems = Refusals.none();
    String counterparty = member(f.v("counterpartyId"), "counterpartyId", problems);
    String currency = f.v("currency").toUpperCase(Locale.ROOT);
    Long amount = problems.collect(() -> formats.toMinor(f.v("amount"), currency.isEmpty() ? "CNY" : currency, "amount"));
    LocalDate receivedOn = problems.collect(() -> date(f.v("receivedOn"), "receivedOn"));
    String key = problems.collect(() -> checkedKey(f.v("formKey")));
    ReceiptRecord recorded = null;
    if (problems.isEmpty()) {
      recorded = collect(problems, () -> desk.recordReceipt(key, counterparty, amount, currency, f.v("bankReference"),
          f.orNull("invoiceNumber"), f.orNull("period"), receivedOn, me.userId().value()));
    }
    if (recorded == null) {
      response.setStatus(422);
      return payments(me, f.v("contract"), f.v("shownPeriod"), f, problems, model);
    }
    return "redirect:/finance/payments?recorded=" + enc(recorded.id())
        + (f.v("contract").isEmpty() ? "" : "&contract=" + enc(f.v("contract")));
  }

  /** The statement as CSV, the same rendering as the API's export. */
  @GetMapping("/finance/contracts/{contractId}/statements/{statementId}.csv")
  public ResponseEntity<String> statementCsv(@PathVariable String contractId, @PathVariable String statementId) {
    access.require(Role.FINANCE);
    StatementRecord record = StatementId.inContract(contractId, statementId).flatMap(id -> desk.statement(id.toString()))
        .orElseThrow(() -> new NotFound("statement", statementId));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"statement-" + contractId + "-" + statementId + ".csv\"")
        .body(StatementCsv.render(record.statement(), record.adjustment()));
  }

  // ------------------------------------------------------------------ reconciliation

  @GetMapping("/finance/reconciliation")
  public String reconciliation(@RequestParam(name = "period", required = false) String period, Model model) {
    CurrentUser me = access.require(Role.FINANCE);
    String p = period == null || period.isBlank() ? YearMonth.now(clock.withZone(Formats.SHANGHAI)).toString() : period.strip();
    return reconciliation(me, p, null, FormInput.empty().with("period", p), Refusals.none(), model);
  }

  private String reconciliation(CurrentUser me, String period, String refusedDiscrepancy, FormInput form,
      Refusals problems, Model model) {
    boolean valid = period.matches("[0-9]{4}-(0[1-9]|1[0-2])");
    List<DiscrepancyRecord> discrepancies = valid ? desk.discrepancies(period, null) : List.of();
    model.addAttribute("period", period);
    model.addAttribute("discrepancies", discrepancies.stream()
        .sorted(Comparator.comparing((DiscrepancyRecord d) -> d.resolution() != null).thenComparing(DiscrepancyRecord::foundAt))
        .toList());
    model.addAttribute("otherOpen", desk.discrepancies(null, true).stream().filter(d -> !d.period().equals(period)).toList());
    model.addAttribute("outcomes", Arrays.stream(Resolution.Outcome.values())
        .filter(o -> o != Resolution.Outcome.CLEARED).toList());
    model.addAttribute("names", names());
    model.addAttribute("people", people());
    model.addAttribute("refusedDiscrepancy", refusedDiscrepancy);
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    return "finance/reconciliation";
  }

  @PostMapping("/finance/reconciliation")
  public String reconcile(@RequestParam(name = "period", defaultValue = "") String period, Model model,
      HttpServletResponse response) {
    CurrentUser me = access.require(Role.FINANCE);
    Refusals problems = Refusals.none();
    Object run = collect(problems, () -> desk.reconcile(period.strip()));
    if (run == null) {
      response.setStatus(422);
      return reconciliation(me, period.strip(), null, FormInput.empty().with("period", period), problems, model);
    }
    return "redirect:/finance/reconciliation?ran&period=" + enc(period.strip());
  }

  @PostMapping("/finance/discrepancies/resolve")
  public String resolve(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.FINANCE);
    FormInput f = FormInput.of(params);
    Refusals problems = Refusals.none();
    String id = f.v("discrepancyId");
    DiscrepancyRecord d = desk.discrepancy(id).orElseThrow(() -> new NotFound("discrepancy", id));
    Resolution.Outcome outcome = problems.collect(() -> outcome(f.v("outcome")));
    DiscrepancyRecord resolved = null;
    if (problems.isEmpty()) {
      resolved = collect(problems, () -> desk.resolve(id, outcome, f.v("reason"), me.userId().value()));
    }
    if (resolved == null) {
      response.setStatus(422);
      return reconciliation(me, d.period(), id, f, problems, model);
    }
    return "redirect:/finance/reconciliation?resolved&period=" + enc(d.period());
  }

  // ------------------------------------------------------------------ payouts

  @GetMapping("/finance/payouts")
  public String payouts(Model model) {
    CurrentUser me = access.require(Role.FINANCE);
    return payouts(me, FormInput.empty().with("currency", "CNY").with("formKey", UUID.randomUUID().toString()),
        Refusals.none(), null, model);
  }

  private String payouts(CurrentUser me, FormInput form, Refusals problems, List<Refusals.Problem> refusals,
      Model model) {
    Map<String, String> names = names();
    List<PayoutRow> rows = new ArrayList<>();
    List<PayoutRecord> all = new ArrayList<>(desk.payouts(null));
    java.util.Collections.reverse(all);
    for (PayoutRecord p : all.stream().limit(LIST_LIMIT).toList()) {
      Optional<String> whyNot = "REQUESTED".equals(p.status())
          ? FourEyes.refusal(p.id(), p.requestedBy(), me.userId().value()) : Optional.empty();
      rows.add(new PayoutRow(p, names.getOrDefault(p.organizationId(), p.organizationId()),
          "REQUESTED".equals(p.status()) && whyNot.isEmpty(), whyNot.orElse(null)));
    }
    model.addAttribute("payouts", rows);
    model.addAttribute("people", people());
    model.addAttribute("organisations", organisations());
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    model.addAttribute("refusals", refusals);
    return "finance/payouts";
  }

  @PostMapping("/finance/payouts")
  public String requestPayout(@RequestParam MultiValueMap<String, String> params, Model model,
      HttpServletResponse response) {
    CurrentUser me = access.require(Role.FINANCE);
    FormInput f = FormInput.of(params);
    Refusals problems = Refusals.none();
    String organization = member(f.v("organizationId"), "organizationId", problems);
    String currency = f.v("currency").toUpperCase(Locale.ROOT);
    Long amount = problems.collect(() -> formats.toMinor(f.v("amount"), currency.isEmpty() ? "CNY" : currency, "amount"));
    String key = problems.collect(() -> checkedKey(f.v("formKey")));
    PayoutRecord requested = null;
    if (problems.isEmpty()) {
      requested = collect(problems, () -> desk.requestPayout(key, organization, amount, currency, me.userId().value()));
    }
    if (requested == null) {
      response.setStatus(422);
      return payouts(me, f, problems, null, model);
    }
    return "redirect:/finance/payouts?requested=" + enc(requested.id());
  }

  @PostMapping("/finance/payouts/{payoutId}/approve")
  public String approvePayout(@PathVariable String payoutId, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.FINANCE);
    Refusals problems = Refusals.none();
    PayoutRecord approved = collect(problems, () -> desk.approvePayout(payoutId, me.userId().value()));
    if (approved == null) {
      response.setStatus(422);
      return payouts(me, FormInput.empty().with("currency", "CNY").with("formKey", UUID.randomUUID().toString()),
          Refusals.none(), problems.all(), model);
    }
    return "redirect:/finance/payouts?approved=" + enc(payoutId);
  }

  // ------------------------------------------------------------------ ledger and FX

  @GetMapping("/finance/ledger")
  public String ledger(Model model) {
    access.require(Role.FINANCE);
    TrialBalance trial = desk.trialBalance();
    model.addAttribute("trial", trial);
    model.addAttribute("currencies", trial.byCurrency().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList());
    model.addAttribute("accounts", trial.accounts().stream()
        .sorted(Comparator.comparing((AccountBalance b) -> b.account().toString())).toList());
    model.addAttribute("names", names());
    return "finance/ledger";
  }

  @GetMapping("/finance/fx")
  public String fx(Model model) {
    access.require(Role.FINANCE);
    return fx(FormInput.empty().with("to", "CNY"), Refusals.none(), model);
  }

  private String fx(FormInput form, Refusals problems, Model model) {
    model.addAttribute("rates", desk.fxRates());
    model.addAttribute("people", people());
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    return "finance/fx";
  }

  @PostMapping("/finance/fx")
  public String setFx(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.FINANCE);
    FormInput f = FormInput.of(params);
    Refusals problems = Refusals.none();
    BigDecimal rate = problems.collect(() -> {
      try {
        return new BigDecimal(f.v("rate"));
      } catch (NumberFormatException e) {
        throw new InvalidValue("rate", "must be an exact decimal such as 0.1385");
      }
    });
    Object set = null;
    if (problems.isEmpty()) {
      set = collect(problems, () -> desk.setFxRate(f.v("from").toUpperCase(Locale.ROOT), f.v("to").toUpperCase(Locale.ROOT),
          rate, me.userId().value()));
    }
    if (set == null) {
      response.setStatus(422);
      return fx(f, problems, model);
    }
    return "redirect:/finance/fx?done";
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Runs a settlement step; its refusal is recorded with the API's field and code (as the API's
   * problem handler maps settlement's problems), anything else with the pages' common mapping.
   */
  private static <T> T collect(Refusals problems, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (SettlementProblem.Invalid invalid) {
      invalid.errors().forEach(e -> problems.add(e.field(), "invalid-value", e.reason()));
    } catch (SettlementProblem.Refused refused) {
      problems.add(null, refused.code(), refused.getMessage());
    } catch (SettlementProblem.Conflict conflict) {
      problems.add(null, "state-conflict", conflict.getMessage());
    } catch (SettlementProblem.NotFound notFound) {
      problems.add(null, "not-found", notFound.getMessage());
    } catch (RuntimeException e) {
      if (!problems.record(e)) {
        throw e;
      }
    }
    return null;
  }

  /** Money is only ever booked to a member organisation (as the API checks): one chosen from the list. */
  private String member(String id, String field, Refusals problems) {
    if (id.isEmpty()) {
      problems.add(field, "invalid-value", "is required");
    } else if (identities.organization(new io.reelx.exchange.identity.domain.OrganizationId(id)).isEmpty()) {
      problems.add(field, "invalid-value", "no member organisation with id " + id);
    }
    return id;
  }

  private List<OrganizationView> organisations() {
    return identities.organizations().stream().sorted(Comparator.comparing(OrganizationView::name)).toList();
  }

  /** Usernames by user id: who recorded, requested, approved, resolved or set. */
  private Map<String, String> people() {
    return identities.users(Optional.empty()).stream()
        .collect(Collectors.toMap(u -> u.id().value(), u -> u.username(), (a, b) -> a));
  }

  private Map<String, String> names() {
    return identities.organizations().stream()
        .collect(Collectors.toMap(o -> o.id().value(), OrganizationView::name, (a, b) -> a));
  }

  private static Resolution.Outcome outcome(String value) {
    try {
      Resolution.Outcome outcome = Resolution.Outcome.valueOf(value);
      if (outcome != Resolution.Outcome.CLEARED) {
        return outcome;
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw new InvalidValue("outcome", "choose one of the outcomes");
  }

  private static LocalDate date(String value, String field) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidValue(field, "must be a date like 2027-01-31");
    }
  }

  private static String checkedKey(String key) {
    if (key == null || !key.matches("[A-Za-z0-9-]{8,64}")) {
      throw new InvalidValue("formKey", "this form has no valid idempotency key; reload the page");
    }
    return key;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Actor actor(CurrentUser me) {
    return new Actor(me.userId().value(), me.organizationId().value(), me.has(Role.OPERATOR));
  }
}
