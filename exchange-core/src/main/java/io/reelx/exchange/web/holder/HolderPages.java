package io.reelx.exchange.web.holder;

import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.domain.ContractDocument;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractRegister.ContractSearch;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.CreateListing;
import io.reelx.exchange.listing.command.SubmitListing;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import io.reelx.exchange.listing.web.ListingsController;
import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.Blocker;
import io.reelx.exchange.rights.domain.Blockers;
import io.reelx.exchange.rights.domain.GrantedElsewhere;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.rights.query.AvailsAsOf;
import io.reelx.exchange.rights.query.HoldingView;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.web.Formats;
import io.reelx.exchange.web.PageController;
import io.reelx.exchange.web.forms.FormInput;
import io.reelx.exchange.web.forms.Refusals;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rights holder's pages. Every change goes through the same commands as the API (and the
 * same settlement-terms check as its listing endpoint); every read through the same queries and
 * visibility rules (another organisation's title or contract is "not found").
 */
@PageController
public class HolderPages {

  private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
  /** Rule codes the listing form shows next to a field rather than at the top. */
  private static final Map<String, String> RULE_FIELDS = Map.of(
      "deposit-above-starting-price", "deposit",
      "reserve-below-start", "reservePrice",
      "reserve-not-applicable", "reservePrice",
      "increment-required", "increment",
      "timed-period-required", "schedule.timedPeriodSeconds",
      "schedule-in-past", "schedule.biddingStartsAt",
      "window-not-available", "window.territories");

  /** One cell of the avails grid: a territory in one medium, free or what blocks it. */
  public record Cell(String territory, Media media, String state, String contractId, String detail) {}

  public record Row(String territory, List<Cell> cells) {}

  private final Access access;
  private final CommandGateway commands;
  private final RightsRegister register;
  private final AvailsAsOf history;
  private final ListingViews listings;
  private final ListingsController listingRules;
  private final ContractRegister contracts;
  private final Formats formats;
  private final Clock clock;

  public HolderPages(Access access, CommandGateway commands, RightsRegister register, AvailsAsOf history,
      ListingViews listings, ListingsController listingRules, ContractRegister contracts, Formats formats,
      Clock clock) {
    this.access = access;
    this.commands = commands;
    this.register = register;
    this.history = history;
    this.listings = listings;
    this.listingRules = listingRules;
    this.contracts = contracts;
    this.formats = formats;
    this.clock = clock;
  }

  @GetMapping("/holder")
  public String workspace(Model model) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    String org = me.organizationId().value();
    model.addAttribute("titles", register.titles(org, null, 0, 100).items());
    model.addAttribute("listings", listings.search(new ListingSearch(org, false, null, null, null, null), 0, 100)
        .items());
    model.addAttribute("contracts", contracts.search(new ContractSearch(org, false, null, null, null), 0, 100)
        .items());
    return "holder/workspace";
  }

  @GetMapping("/holder/titles/{titleId}")
  public String title(@PathVariable String titleId, @RequestParam MultiValueMap<String, String> params, Model model) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    TitleView title = ownTitle(titleId, me);
    List<HoldingView> holdings = register.holdings(title.id());
    FormInput f = FormInput.of(params);
    Refusals problems = Refusals.none();
    SortedSet<String> held = new TreeSet<>();
    holdings.forEach(h -> held.addAll(h.holding().window().territories().codes()));
    HoldingView first = holdings.isEmpty() ? null : holdings.get(0);
    if (f.v("territories").isEmpty()) {
      f = f.with("territories", String.join(" ", held));
    }
    if (f.v("language").isEmpty() && first != null) {
      f = f.with("language", first.holding().window().languages().codes().first());
    }
    if (f.v("termStart").isEmpty() && first != null) {
      f = f.with("termStart", first.holding().window().term().start().toString());
      f = f.with("termEnd", first.holding().window().term().end().toString());
    }
    FormInput grid = f;
    LocalDate asOf = problems.collect(() -> date(grid.v("asOf"), "asOf"));
    LocalDate today = LocalDate.now(clock.withZone(Formats.SHANGHAI));
    List<Row> rows = new ArrayList<>();
    if (!held.isEmpty()) {
      LocalDate start = problems.collect(() -> date(grid.v("termStart"), "termStart"));
      LocalDate end = problems.collect(() -> date(grid.v("termEnd"), "termEnd"));
      boolean exclusive = grid.checked("exclusive");
      List<String> territories = ListingForm.list(grid.v("territories"));
      Function<AvailsRequest, Avails> check;
      if (asOf == null || !asOf.isBefore(today)) {
        check = request -> register.avails(title.id(), request);
      } else {
        AvailsAsOf.Register then = history.at(title.id(), asOf.plusDays(1).atStartOfDay(Formats.SHANGHAI).toInstant());
        check = then::avails;
      }
      if (problems.isEmpty()) {
        for (String territory : territories) {
          List<Cell> cells = new ArrayList<>();
          for (Media media : leaves()) {
            RightsWindow window = problems.collect(() -> WindowTerms.parse("", List.of(territory),
                List.of(media.name()), List.of(grid.v("language")), start, end));
            if (window == null) {
              break;
            }
            cells.add(cell(territory, media, check.apply(new AvailsRequest(window, exclusive, false))));
          }
          if (!problems.isEmpty()) {
            break;
          }
          rows.add(new Row(territory, cells));
        }
      }
    }
    model.addAttribute("title", title);
    model.addAttribute("holdings", holdings);
    model.addAttribute("media", leaves());
    model.addAttribute("rows", problems.isEmpty() ? rows : List.of());
    model.addAttribute("form", f);
    model.addAttribute("asOf", asOf == null || !asOf.isBefore(today) ? null : asOf);
    model.addAttribute("today", today);
    model.addAttribute("problems", problems);
    return "holder/title";
  }

  @GetMapping("/holder/listings/new")
  public String newListing(@RequestParam(name = "titleId", required = false) String titleId, Model model) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    FormInput f = FormInput.empty().with("currency", "CNY").with("saleMode", "ENGLISH")
        .with("signingDays", "5").with("timedPeriodSeconds", "300").with("languages", "zh")
        .with("formKey", UUID.randomUUID().toString());
    if (titleId != null) {
      f = f.with("titleId", titleId);
    }
    return listingForm(me, f, Refusals.none(), null, model);
  }

  /** Previews the payable ({@code action=preview}) or creates the listing as a draft. */
  @PostMapping("/holder/listings")
  public String createListing(@RequestParam MultiValueMap<String, String> params, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    FormInput f = FormInput.of(params);
    Refusals problems = Refusals.none();
    String currency = f.v("currency").isEmpty() ? "CNY" : f.v("currency").toUpperCase(java.util.Locale.ROOT);
    if ("preview".equals(f.v("action"))) {
      var terms = ListingForm.terms(f, currency, formats, problems);
      List<PayablePreview.Row> preview = problems.isEmpty()
          ? PayablePreview.of(terms, currency, me.organizationId().value(), f, formats, problems) : List.of();
      if (!problems.isEmpty()) {
        response.setStatus(422);
      }
      return listingForm(me, f, problems, preview, model);
    }
    String titleId = f.v("titleId");
    if (titleId.isEmpty() || register.title(new TitleId(titleId))
        .filter(t -> t.ownerOrganizationId().equals(me.organizationId().value())).isEmpty()) {
      problems.add("titleId", "invalid-value", "choose one of your titles");
    }
    ListingForm.Parsed parsed = ListingForm.parse(f, formats, problems);
    if (parsed != null && problems.isEmpty()) {
      problems.run(() -> listingRules.checkSettlementTerms(parsed.terms(), parsed.sale().currency(),
          me.organizationId().value()));
    }
    // the form's key names the listing: a resubmitted or double-clicked form finds the one it created
    ListingId id = new ListingId(UUID.nameUUIDFromBytes((me.userId().value() + "/listing/" + f.v("formKey"))
        .getBytes(StandardCharsets.UTF_8)).toString());
    if (problems.isEmpty() && !f.v("formKey").isEmpty() && listings.find(id.value()).isPresent()) {
      return "redirect:/holder?created=" + id.value();
    }
    if (parsed != null && problems.isEmpty()) {
      try {
        commands.sendAndWait(new CreateListing(id, actor(me), new TitleId(titleId), parsed.window(),
            parsed.exclusive(), parsed.sublicensable(), parsed.sale(), parsed.schedule(), parsed.signingDays(),
            parsed.terms(), parsed.description()));
      } catch (RuntimeException e) {
        if (listings.awaitVersion(id.value(), 0, READ_YOUR_WRITES).isPresent()) {
          return "redirect:/holder?created=" + id.value();
        }
        if (!problems.record(e)) {
          throw e;
        }
      }
    }
    if (!problems.isEmpty()) {
      response.setStatus(422);
      return listingForm(me, f, placed(problems), null, model);
    }
    listings.awaitVersion(id.value(), 0, READ_YOUR_WRITES);
    return "redirect:/holder?created=" + id.value();
  }

  @PostMapping("/holder/listings/{listingId}/submit")
  public String submit(@PathVariable String listingId, @RequestParam("version") long version, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    ownListing(listingId, me);
    Refusals problems = Refusals.none();
    Long after = problems.collect(() -> commands.sendAndWait(new SubmitListing(new ListingId(listingId), actor(me),
        version)));
    if (after != null) {
      listings.awaitVersion(listingId, after, READ_YOUR_WRITES);
    }
    if (problems.isEmpty()) {
      return "redirect:/holder";
    }
    model.addAttribute("refusals", problems.all());
    response.setStatus(422);
    return workspace(model);
  }

  @GetMapping("/holder/contracts/{contractId}")
  public String contract(@PathVariable String contractId, Model model) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    ContractView contract = ownContract(contractId, me);
    ContractDocument document = ContractDocument.render(new ContractId(contract.id()), contract.terms());
    model.addAttribute("contract", contract);
    model.addAttribute("document", document);
    model.addAttribute("signedByMe", contract.signatures().values().stream()
        .anyMatch(s -> s.organizationId().equals(me.organizationId().value())));
    return "holder/contract";
  }

  @PostMapping("/holder/contracts/{contractId}/sign")
  public String sign(@PathVariable String contractId, @RequestParam("sha256") String sha256, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    ownContract(contractId, me);
    Refusals problems = Refusals.none();
    problems.run(() -> commands.sendAndWait(new SignContract(new ContractId(contractId),
        me.organizationId().value(), me.userId().value(), sha256)));
    if (problems.isEmpty()) {
      return "redirect:/holder/contracts/" + contractId;
    }
    model.addAttribute("refusals", problems.all());
    response.setStatus(422);
    return contract(contractId, model);
  }

  private String listingForm(CurrentUser me, FormInput f, Refusals problems, List<PayablePreview.Row> preview,
      Model model) {
    model.addAttribute("titles", register.titles(me.organizationId().value(), null, 0, 100).items());
    model.addAttribute("form", f);
    model.addAttribute("problems", problems);
    model.addAttribute("topProblems", problems.general(ListingForm.FIELDS));
    model.addAttribute("preview", preview);
    model.addAttribute("saleModes", SaleMode.values());
    model.addAttribute("media", leaves());
    model.addAttribute("deductionRows", ListingForm.DEDUCTION_ROWS);
    model.addAttribute("tierRows", ListingForm.TIER_ROWS);
    model.addAttribute("payeeRows", ListingForm.PAYEE_ROWS);
    model.addAttribute("sampleRows", ListingForm.SAMPLE_ROWS);
    return "holder/listing-form";
  }

  /** A rule refused without a field goes next to the field it is about. */
  private static Refusals placed(Refusals problems) {
    Refusals placed = Refusals.none();
    problems.all().forEach(p -> placed.add(p.field() == null ? RULE_FIELDS.get(p.code()) : p.field(), p.code(),
        p.reason()));
    return placed;
  }

  private static Cell cell(String territory, Media media, Avails avails) {
    if (avails.available()) {
      return new Cell(territory, media, "AVAILABLE", null, null);
    }
    Blocker blocker = avails.blockers().stream().filter(b -> b instanceof GrantedElsewhere).findFirst()
        .orElse(avails.blockers().get(0));
    if (blocker instanceof GrantedElsewhere g) {
      return new Cell(territory, media, g.exclusive() ? "GRANTED_EXCLUSIVE" : "GRANTED_NON_EXCLUSIVE",
          g.contractId(), Blockers.describe(g));
    }
    return new Cell(territory, media, "NOT_HELD", null, Blockers.describe(blocker));
  }

  static List<Media> leaves() {
    return Arrays.stream(Media.values()).filter(m -> m.leaves().equals(java.util.Set.of(m))).toList();
  }

  private static LocalDate date(String typed, String field) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      throw new io.reelx.exchange.shared.domain.InvalidValue(field, "must be a date like 2027-01-31");
    }
  }

  private TitleView ownTitle(String titleId, CurrentUser me) {
    return register.title(new TitleId(titleId))
        .filter(t -> t.ownerOrganizationId().equals(me.organizationId().value()))
        .orElseThrow(() -> new NotFound("title", titleId));
  }

  private ListingView ownListing(String listingId, CurrentUser me) {
    return listings.find(listingId)
        .filter(l -> l.holderOrganizationId().equals(me.organizationId().value()))
        .orElseThrow(() -> new NotFound("listing", listingId));
  }

  private ContractView ownContract(String contractId, CurrentUser me) {
    return contracts.find(contractId).filter(c -> c.isParty(me.organizationId().value()))
        .orElseThrow(() -> new NotFound("contract", contractId));
  }

  static Actor actor(CurrentUser me) {
    return new Actor(me.userId().value(), me.organizationId().value(), me.has(Role.OPERATOR));
  }
}
