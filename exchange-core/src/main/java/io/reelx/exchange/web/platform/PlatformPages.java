package io.reelx.exchange.web.platform;

import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.domain.ContractDocument;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractRegister.ContractSearch;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.identity.security.Passwords;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.idempotency.IdempotencyKeys;
import io.reelx.exchange.shared.idempotency.JdbcIdempotencyKeys;
import io.reelx.exchange.shared.idempotency.KeyAlreadyUsed;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import io.reelx.exchange.web.Formats;
import io.reelx.exchange.web.PageController;
import io.reelx.exchange.web.forms.FormInput;
import io.reelx.exchange.web.forms.Refusals;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportOutcome;
import io.reelx.settlement.application.Records.ReportRecord;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.application.Records.StatementRecord;
import io.reelx.settlement.report.domain.LineError;
import io.reelx.settlement.report.domain.ReportLineInput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The platform's pages: its contracts (as licensee) with the reports due, a contract to read and
 * sign, the revenue report of a contract and period (a CSV file or lines typed in a form), and its
 * statements and invoices. Reports go through the same application service as the API's report
 * endpoints (same validation, same codes: every bad line by its number, nothing stored when one is
 * bad); the form's key, made when the form was rendered, makes a double click or a resubmission
 * store one report. Another organisation's contract or statement is "not found", as in the API.
 */
@PageController
public class PlatformPages {

  private static final int DEFAULT_ROWS = 5;
  private static final int MAX_ROWS = 50;
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
  /** The header fields each report form shows next to its inputs. */
  static final List<String> HEADER_FIELDS = List.of("period", "currency", "declaredPayable", "version", "file");

  /** One month a contract's licensee has not reported yet. */
  public record Due(String contractId, String titleName, String period) {}

  /** One refused line of a report: its number (the CSV's line, the form's row), field and reason. */
  public record LineProblem(long line, String field, String reason) {}

  private final Access access;
  private final CommandGateway commands;
  private final ContractRegister contracts;
  private final PageSettlement settlement;
  private final PlatformActions work;
  private final IdempotencyKeys keys;
  private final JdbcIdempotencyKeys answers;
  private final Formats formats;
  private final Clock clock;

  public PlatformPages(Access access, CommandGateway commands, ContractRegister contracts, PageSettlement settlement,
      PlatformActions work, IdempotencyKeys keys, JdbcIdempotencyKeys answers, Formats formats, Clock clock) {
    this.access = access;
    this.commands = commands;
    this.contracts = contracts;
    this.settlement = settlement;
    this.work = work;
    this.keys = keys;
    this.answers = answers;
    this.formats = formats;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ workspace

  @GetMapping("/platform")
  public String workspace(Model model) {
    CurrentUser me = access.require(Role.PLATFORM);
    List<PlatformActions.Row> rows = work.rows(me);
    model.addAttribute("rows", rows);
    model.addAttribute("toSign", rows.stream().filter(r -> PlatformActions.toSign(r.contract(), me)).toList());
    model.addAttribute("due", rows.stream().flatMap(r -> r.due().stream()
        .map(p -> new Due(r.contract().id(), r.contract().terms().titleName(), p))).toList());
    return "platform/workspace";
  }

  // ------------------------------------------------------------------ a contract: read, sign, settlement

  @GetMapping("/platform/contracts/{contractId}")
  public String contract(@PathVariable String contractId, Model model) {
    CurrentUser me = access.require(Role.PLATFORM);
    ContractView contract = ownContract(contractId, me);
    model.addAttribute("contract", contract);
    model.addAttribute("document", ContractDocument.render(new ContractId(contract.id()), contract.terms()));
    model.addAttribute("signedByMe", PlatformActions.signedBy(contract, me));
    Agreement agreement = contract.activatedAt() == null ? null : settlement.agreement(contractId, me).orElse(null);
    model.addAttribute("agreement", agreement);
    if (agreement != null) {
      List<ReportRecord> reports = settlement.reports(contractId);
      model.addAttribute("reports", reports);
      model.addAttribute("statements", settlement.statements(contractId));
      model.addAttribute("invoices", settlement.invoices(contractId));
      model.addAttribute("due", work.due(contract, agreement, reports));
    }
    return "platform/contract";
  }

  @PostMapping("/platform/contracts/{contractId}/sign")
  public String sign(@PathVariable String contractId, @RequestParam("sha256") String sha256, Model model,
      HttpServletResponse response) {
    CurrentUser me = access.require(Role.PLATFORM);
    ownContract(contractId, me);
    Refusals problems = Refusals.none();
    problems.run(() -> commands.sendAndWait(new SignContract(new ContractId(contractId),
        me.organizationId().value(), me.userId().value(), sha256)));
    if (problems.isEmpty()) {
      return "redirect:/platform/contracts/" + contractId;
    }
    model.addAttribute("refusals", problems.all());
    response.setStatus(422);
    return contract(contractId, model);
  }

  // ------------------------------------------------------------------ revenue report

  @GetMapping("/platform/contracts/{contractId}/reports/new")
  public String newReport(@PathVariable String contractId,
      @RequestParam(name = "period", defaultValue = "") String period,
      @RequestParam(name = "rows", defaultValue = "0") int rows, Model model) {
    CurrentUser me = access.require(Role.PLATFORM);
    ContractView contract = ownContract(contractId, me);
    Agreement agreement = reporting(contract, me);
    if (period.isEmpty()) {
      List<String> due = work.due(contract, agreement, settlement.reports(contractId));
      period = due.isEmpty() ? YearMonth.now(clock.withZone(Formats.SHANGHAI)).minusMonths(1).toString() : due.get(0);
    }
    FormInput blank = FormInput.empty().with("period", period).with("currency", agreement.currency())
        .with("formKey", UUID.randomUUID().toString());
    return reportForm(contract, agreement, blank, blank.with("rows", String.valueOf(rows(rows))), null, Refusals.none(),
        0, model);
  }

  /** A CSV file (the API's revenue-report CSV: header line, then one line per episode x territory x channel). */
  @PostMapping(path = "/platform/contracts/{contractId}/reports/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public String uploadCsv(@PathVariable String contractId, @RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.PLATFORM);
    ContractView contract = ownContract(contractId, me);
    Agreement agreement = reporting(contract, me);
    FormInput f = FormInput.of(params);
    Refusals problems = Refusals.none();
    ReportHeader header = header(contractId, f, agreement, problems);
    if (file == null || file.isEmpty()) {
      problems.add("file", "invalid-value", "choose a CSV file with at least its header line");
    }
    if (!problems.isEmpty()) {
      return refused(contract, agreement, f, "csv", problems, 0, model, response);
    }
    String contentSha = sha256(file);
    KeyedRequest keyed = keyed(me, f, contractId + "\ncsv\n" + headerText(header) + "\n" + contentSha);
    long[] errorCount = {0};
    String statement = submit(keyed, problems, errorCount, remember -> {
      try (Reader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8),
          64 * 1024)) {
        return settlement.submitReport(header, new ReportSource.Csv(reader), me, remember);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (statement == null) {
      return refused(contract, agreement, f, "csv", problems, errorCount[0], model, response);
    }
    return "redirect:/platform/contracts/" + contractId + "/statements/" + statement + "?reported";
  }

  /** Lines typed in the form: gross in major units, converted exactly; blank rows are skipped. */
  @PostMapping("/platform/contracts/{contractId}/reports/lines")
  public String submitLines(@PathVariable String contractId, @RequestParam MultiValueMap<String, String> params,
      Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.PLATFORM);
    ContractView contract = ownContract(contractId, me);
    Agreement agreement = reporting(contract, me);
    FormInput f = FormInput.of(params);
    if ("more".equals(f.v("action"))) {
      // more rows: the same form again with what was typed, nothing sent
      FormInput more = f.with("rows", String.valueOf(rows(f.rows("episode", 0) + DEFAULT_ROWS)));
      return reportForm(contract, agreement, FormInput.empty().with("period", f.v("period"))
          .with("currency", f.v("currency")).with("formKey", UUID.randomUUID().toString()), more, null, Refusals.none(), 0,
          model);
    }
    Refusals problems = Refusals.none();
    ReportHeader header = header(contractId, f, agreement, problems);
    String currency = header == null || header.currency() == null ? agreement.currency() : header.currency();
    List<ReportLineInput> lines = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    boolean grossUnreadable = false;
    int rows = f.rows("episode", 0);
    for (int i = 0; i < rows; i++) {
      if (blankRow(f, i)) {
        continue;
      }
      String gross = null;
      if (!f.v("gross", i).isEmpty()) {
        try {
          gross = String.valueOf(formats.toMinor(f.v("gross", i), currency, "gross"));
        } catch (InvalidValue e) {
          problems.add("lines[" + i + "].gross", "invalid-value", e.fields().get(0).reason());
          grossUnreadable = true;
          gross = "0";
        }
      }
      lines.add(new ReportLineInput(f.orNullRow("episode", i), f.orNullRow("territory", i), f.orNullRow("channel", i),
          f.orNullRow("views", i), f.orNullRow("watchHours", i), gross, currency));
      rowOf.add(i);
    }
    if (lines.isEmpty()) {
      problems.add("lines", "invalid-value", "enter at least one line");
    }
    if (grossUnreadable || !problems.isEmpty()) {
      // the other lines' errors too, as the endpoint would answer them (nothing is sent to be stored)
      for (LineError e : settlement.lineErrors(lines, currency)) {
        String field = formField(e.field());
        String name = "lines[" + rowOf.get((int) e.lineNumber() - 1) + "]" + (field.isEmpty() ? "" : "." + field);
        if (!problems.has(name)) {
          problems.add(name, "invalid-value", e.reason());
        }
      }
      return refused(contract, agreement, f, "lines", problems, 0, model, response);
    }
    StringBuilder content = new StringBuilder();
    lines.forEach(l -> content.append(l).append('\n'));
    KeyedRequest keyed = keyed(me, f, contractId + "\nlines\n" + headerText(header) + "\n"
        + Passwords.sha256(content.toString()));
    long[] errorCount = {0};
    String statement = submit(keyed, problems, errorCount,
        remember -> settlement.submitReport(header, new ReportSource.Lines(lines), me, remember));
    if (statement == null) {
      // the service names lines by their index among those sent: name them by the form's rows
      Refusals placed = Refusals.none();
      problems.all().forEach(p -> placed.add(rowField(p.field(), rowOf), p.code(), p.reason()));
      return refused(contract, agreement, f, "lines", placed, errorCount[0], model, response);
    }
    return "redirect:/platform/contracts/" + contractId + "/statements/" + statement + "?reported";
  }

  /**
   * Submits under the form's key, claimed in the transaction that stores the report. Returns the
   * statement's id under its contract; null when refused (recorded in {@code problems}). The form
   * sent again (a double click, a resubmission) gets the first one's statement.
   */
  private String submit(KeyedRequest keyed, Refusals problems, long[] errorCount,
      java.util.function.Function<Consumer<ReportOutcome>, ReportOutcome> store) {
    try {
      ReportOutcome outcome = store.apply(stored -> {
        keys.claim(keyed);
        keys.remember(keyed, stored.statement().id());
      });
      return PageSettlement.idInContract(outcome.statement().id());
    } catch (KeyAlreadyUsed used) {
      String answer = used.answer() != null ? used.answer() : awaitAnswer(keyed);
      if (answer != null) {
        return PageSettlement.idInContract(answer);
      }
      problems.add(null, "state-conflict", used.getMessage());
      return null;
    } catch (RuntimeException e) {
      Long count = settlement.refusal(e, problems);
      if (count == null) {
        throw e;
      }
      errorCount[0] = count;
      return null;
    }
  }

  /** The first request under the key is being stored right now: its answer, once committed. */
  private String awaitAnswer(KeyedRequest keyed) {
    long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
    long pause = 5;
    while (System.nanoTime() - deadline < 0) {
      String answer = answers.first(keyed.owner(), keyed.key()).map(JdbcIdempotencyKeys.First::answer).orElse(null);
      if (answer != null) {
        return answer;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      pause = Math.min(pause * 2, 100);
    }
    return null;
  }

  private KeyedRequest keyed(CurrentUser me, FormInput f, String request) {
    String key = f.v("formKey").isEmpty() ? UUID.randomUUID().toString() : f.v("formKey");
    if (key.length() > 100) {
      key = Passwords.sha256(key);
    }
    return new KeyedRequest(me.organizationId().value(), "page-report:" + key,
        Passwords.sha256(me.userId().value() + "\n" + request));
  }

  private ReportHeader header(String contractId, FormInput f, Agreement agreement, Refusals problems) {
    String currency = f.v("currency").isEmpty() ? agreement.currency() : f.v("currency").toUpperCase(Locale.ROOT);
    if (!settlement.isCurrency(currency)) {
      // as the report service answers it (the lines cannot be checked against an unknown currency)
      problems.add("currency", "invalid-value", "must be an ISO 4217 currency code, not '" + f.v("currency") + "'");
    }
    Long declared = null;
    if (f.v("declaredPayable").isEmpty()) {
      problems.add("declaredPayable", "invalid-value", "is required, in " + agreement.currency());
    } else {
      declared = problems.collect(() -> formats.toMinor(f.v("declaredPayable"), agreement.currency(), "declaredPayable"));
    }
    Integer version = null;
    if (!f.v("version").isEmpty()) {
      try {
        version = Integer.valueOf(f.v("version"));
      } catch (NumberFormatException e) {
        problems.add("version", "invalid-value", "must be a whole number, or empty for the next version");
      }
    }
    return new ReportHeader(contractId, f.v("period"), version, currency, declared == null ? -1L : declared);
  }

  private static String headerText(ReportHeader h) {
    return h.period() + "\n" + h.version() + "\n" + h.currency() + "\n" + h.declaredPayable();
  }

  private String refused(ContractView contract, Agreement agreement, FormInput f, String which, Refusals problems,
      long errorCount, Model model, HttpServletResponse response) {
    response.setStatus(problems.all().stream().allMatch(p -> "invalid-value".equals(p.code())) ? 400 : 422);
    FormInput fresh = FormInput.empty().with("period", f.v("period")).with("currency", f.v("currency"))
        .with("formKey", UUID.randomUUID().toString());
    FormInput csvForm = "csv".equals(which) ? f.with("formKey", f.v("formKey")) : fresh;
    FormInput linesForm = "lines".equals(which) ? f.with("rows", String.valueOf(rows(f.rows("episode", DEFAULT_ROWS))))
        : fresh.with("rows", String.valueOf(DEFAULT_ROWS));
    return reportForm(contract, agreement, csvForm, linesForm, which, problems, errorCount, model);
  }

  private String reportForm(ContractView contract, Agreement agreement, FormInput csvForm, FormInput linesForm,
      String which, Refusals problems, long errorCount, Model model) {
    model.addAttribute("contract", contract);
    model.addAttribute("agreement", agreement);
    model.addAttribute("csvForm", csvForm);
    model.addAttribute("linesForm", linesForm);
    model.addAttribute("rowCount", Integer.parseInt(linesForm.v("rows").isEmpty() ? "5" : linesForm.v("rows")));
    model.addAttribute("which", which);
    Refusals none = Refusals.none();
    model.addAttribute("csvProblems", "csv".equals(which) ? problems : none);
    model.addAttribute("linesProblems", "lines".equals(which) ? problems : none);
    model.addAttribute("lineProblems", "csv".equals(which) ? csvLines(problems) : List.of());
    model.addAttribute("topProblems", problems.all().stream()
        .filter(p -> p.field() == null || (!HEADER_FIELDS.contains(p.field()) && !p.field().startsWith("line"))).toList());
    model.addAttribute("errorCount", errorCount == 0 ? problems.all().size() : errorCount);
    model.addAttribute("refused", which != null);
    model.addAttribute("columns", io.reelx.settlement.report.domain.CsvFormat.HEADER);
    return "platform/report";
  }

  // ------------------------------------------------------------------ statements

  @GetMapping("/platform/contracts/{contractId}/statements/{statementId}")
  public String statement(@PathVariable String contractId, @PathVariable String statementId, Model model) {
    CurrentUser me = access.require(Role.PLATFORM);
    ContractView contract = ownContract(contractId, me);
    settlement.visible(contractId, me);
    StatementRecord record = settlement.statement(contractId, statementId);
    model.addAttribute("contract", contract);
    model.addAttribute("record", record);
    model.addAttribute("statementId", statementId);
    model.addAttribute("csvHref", "/platform/contracts/" + contractId + "/statements/" + statementId + "/csv");
    return "platform/statement";
  }

  @GetMapping("/platform/contracts/{contractId}/statements/{statementId}/csv")
  public ResponseEntity<String> statementCsv(@PathVariable String contractId, @PathVariable String statementId) {
    CurrentUser me = access.require(Role.PLATFORM);
    ownContract(contractId, me);
    settlement.visible(contractId, me);
    return csv(contractId, statementId, settlement.csv(settlement.statement(contractId, statementId)));
  }

  /** The statement's CSV as a download (the API's export, same content and name). */
  public static ResponseEntity<String> csv(String contractId, String statementId, String body) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"statement-" + contractId.replaceAll("[^A-Za-z0-9._-]", "_")
            + "-" + statementId.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
        .body(body);
  }

  // ------------------------------------------------------------------ helpers

  /** The contract if this platform is its licensee; "not found" otherwise (as the API). */
  private ContractView ownContract(String contractId, CurrentUser me) {
    return contracts.find(contractId)
        .filter(c -> c.terms().licensee().organizationId().equals(me.organizationId().value()))
        .orElseThrow(() -> new NotFound("contract", contractId));
  }

  /** The contract's agreement, open (the contract is active): reports are made under it. */
  private Agreement reporting(ContractView contract, CurrentUser me) {
    Agreement agreement = settlement.visible(contract.id(), me);
    if (!agreement.licenseeOrganizationId().equals(me.organizationId().value())) {
      throw new NotFound("settlement agreement for contract", contract.id());
    }
    return agreement;
  }

  private static int rows(int asked) {
    return Math.max(1, Math.min(MAX_ROWS, asked <= 0 ? DEFAULT_ROWS : asked));
  }

  private static boolean blankRow(FormInput f, int i) {
    return List.of("episode", "territory", "channel", "views", "watchHours", "gross").stream()
        .allMatch(name -> f.v(name, i).isEmpty());
  }

  /** The report service's field names for lines sent as objects (its CSV column names otherwise). */
  private static String formField(String field) {
    return switch (field) {
      case "watch_hours" -> "watchHours";
      case "gross_minor" -> "gross";
      default -> field;
    };
  }

  /** {@code lines[i].field} of the i-th line sent, named by its row in the form. */
  static String rowField(String field, List<Integer> rowOf) {
    if (field == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("lines\\[(\\d+)](.*)").matcher(field);
    if (!m.matches()) {
      return field;
    }
    int sent = Integer.parseInt(m.group(1));
    return sent < rowOf.size() ? "lines[" + rowOf.get(sent) + "]" + m.group(2) : field;
  }

  /** The CSV's line errors ({@code line 3: territory}) by line number, in the order the service found them. */
  static List<LineProblem> csvLines(Refusals problems) {
    java.util.regex.Pattern line = java.util.regex.Pattern.compile("line (\\d+)(?:: (.*))?");
    List<LineProblem> lines = new ArrayList<>();
    for (Refusals.Problem p : problems.all()) {
      java.util.regex.Matcher m = p.field() == null ? null : line.matcher(p.field());
      if (m != null && m.matches()) {
        lines.add(new LineProblem(Long.parseLong(m.group(1)), m.group(2) == null ? "" : m.group(2), p.reason()));
      }
    }
    return lines;
  }

  private static String sha256(MultipartFile file) {
    try (InputStream in = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
