package io.reelx.exchange.web.operator;

import io.reelx.exchange.contract.command.TerminateContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractRegister.ContractSearch;
import io.reelx.exchange.identity.command.IdentityService;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.command.Actor;
import io.reelx.exchange.listing.command.ApproveListing;
import io.reelx.exchange.listing.command.QualifyBidder;
import io.reelx.exchange.listing.command.RefuseBidder;
import io.reelx.exchange.listing.command.RejectListing;
import io.reelx.exchange.listing.command.ResumeListing;
import io.reelx.exchange.listing.command.SuspendListing;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.RegistrationStatus;
import io.reelx.exchange.listing.query.AuctionViews;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import io.reelx.exchange.listing.query.RegistrationView;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.web.PageController;
import io.reelx.exchange.web.forms.FormInput;
import io.reelx.exchange.web.forms.Refusals;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;

/** The operator's pages; each action is the same command the API's operator endpoints send. */
@PageController
public class OperatorPages {

  private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
  private static final List<ListingStatus> SALES = List.of(ListingStatus.ANNOUNCED, ListingStatus.BIDDING,
      ListingStatus.COUNTDOWN, ListingStatus.SUSPENDED);

  /** A registration waiting for the operator, with its listing. */
  public record Pending(ListingView listing, RegistrationView registration) {}

  private final Access access;
  private final CommandGateway commands;
  private final ListingViews listings;
  private final AuctionViews auctions;
  private final ContractRegister contracts;
  private final IdentityService identity;
  private final IdentityRegister identities;

  public OperatorPages(Access access, CommandGateway commands, ListingViews listings, AuctionViews auctions,
      ContractRegister contracts, IdentityService identity, IdentityRegister identities) {
    this.access = access;
    this.commands = commands;
    this.listings = listings;
    this.auctions = auctions;
    this.contracts = contracts;
    this.identity = identity;
    this.identities = identities;
  }

  @GetMapping("/operator")
  public String workspace(Model model) {
    CurrentUser me = access.require(Role.OPERATOR);
    String org = me.organizationId().value();
    model.addAttribute("queue", search(org, ListingStatus.SUBMITTED));
    List<ListingView> sales = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    for (ListingStatus status : SALES) {
      for (ListingView listing : search(org, status)) {
        sales.add(listing);
        for (RegistrationView r : auctions.registrations(listing.id())) {
          if (r.status() == RegistrationStatus.REGISTERED || r.status() == RegistrationStatus.DEPOSIT_RECEIVED) {
            pending.add(new Pending(listing, r));
          }
        }
      }
    }
    model.addAttribute("sales", sales);
    model.addAttribute("pending", pending);
    return "operator/workspace";
  }

  @PostMapping("/operator/listings/{listingId}/approve")
  public String approve(@PathVariable String listingId, @RequestParam("version") long version, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.OPERATOR);
    return act(listingId, model, response, v -> new ApproveListing(new ListingId(listingId), actor(me), v), version);
  }

  @PostMapping("/operator/listings/{listingId}/reject")
  public String reject(@PathVariable String listingId, @RequestParam("version") long version,
      @RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.OPERATOR);
    return act(listingId, model, response, v -> new RejectListing(new ListingId(listingId), actor(me), reason.strip(), v), version);
  }

  @PostMapping("/operator/listings/{listingId}/suspend")
  public String suspend(@PathVariable String listingId, @RequestParam("version") long version,
      @RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.OPERATOR);
    return act(listingId, model, response, v -> new SuspendListing(new ListingId(listingId), actor(me), reason.strip(), v), version);
  }

  @PostMapping("/operator/listings/{listingId}/resume")
  public String resume(@PathVariable String listingId, @RequestParam("version") long version, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.OPERATOR);
    return act(listingId, model, response, v -> new ResumeListing(new ListingId(listingId), actor(me), v), version);
  }

  @PostMapping("/operator/listings/{listingId}/registrations/{registrationId}/qualify")
  public String qualify(@PathVariable String listingId, @PathVariable String registrationId, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.OPERATOR);
    Refusals problems = Refusals.none();
    problems.run(() -> commands.sendAndWait(new QualifyBidder(new ListingId(listingId),
        new RegistrationId(registrationId), actor(me))));
    return done(problems, model, response, "/operator", () -> workspace(model));
  }

  @PostMapping("/operator/listings/{listingId}/registrations/{registrationId}/refuse")
  public String refuse(@PathVariable String listingId, @PathVariable String registrationId,
      @RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.OPERATOR);
    Refusals problems = Refusals.none();
    problems.run(() -> commands.sendAndWait(new RefuseBidder(new ListingId(listingId),
        new RegistrationId(registrationId), actor(me), reason.strip())));
    return done(problems, model, response, "/operator", () -> workspace(model));
  }

  @GetMapping("/operator/organisations")
  public String organisations(Model model) {
    access.require(Role.OPERATOR);
    if (!model.containsAttribute("orgForm")) {
      model.addAttribute("orgForm", FormInput.empty().with("country", "CN"));
      model.addAttribute("orgProblems", Refusals.none());
    }
    if (!model.containsAttribute("userForm")) {
      model.addAttribute("userForm", FormInput.empty());
      model.addAttribute("userProblems", Refusals.none());
    }
    model.addAttribute("organisations", identities.organizations());
    model.addAttribute("users", identities.users(Optional.empty()));
    model.addAttribute("kinds", OrganizationKind.values());
    model.addAttribute("allRoles", Role.values());
    return "operator/organisations";
  }

  /** A new organisation: {@link IdentityService#createOrganization}, as {@code POST /api/v1/organizations}. */
  @PostMapping("/operator/organisations")
  public String createOrganisation(@RequestParam MultiValueMap<String, String> params, Model model,
      HttpServletResponse response) {
    access.require(Role.OPERATOR);
    FormInput form = FormInput.of(params);
    Refusals problems = Refusals.none();
    // an unknown kind goes in as none: the service names it with the other fields' problems
    OrganizationKind kind = kind(form.v("kind"));
    Refusals refused = Refusals.none();
    refused.run(() -> identity.createOrganization(form.v("name"), kind, form.v("country")));
    // a name already taken belongs next to the name
    refused.all().forEach(p -> problems.add(p.field() == null && p.code().equals("state-conflict") ? "name" : p.field(),
        p.code(), p.reason()));
    if (problems.isEmpty()) {
      return "redirect:/operator/organisations?done";
    }
    model.addAttribute("orgForm", form);
    model.addAttribute("orgProblems", problems);
    response.setStatus(422);
    return organisations(model);
  }

  /** A new user with its roles: {@link IdentityService#registerUser}, as {@code POST /api/v1/users}. */
  @PostMapping("/operator/users")
  public String createUser(@RequestParam MultiValueMap<String, String> params, Model model,
      HttpServletResponse response) {
    access.require(Role.OPERATOR);
    FormInput form = FormInput.of(params);
    Refusals problems = Refusals.none();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : form.all("roles")) {
      try {
        roles.add(Role.valueOf(role));
      } catch (IllegalArgumentException e) {
        problems.add("roles", "invalid-value", "no such role: " + role);
      }
    }
    if (problems.isEmpty()) {
      Refusals refused = Refusals.none();
      String org = form.v("organizationId");
      refused.run(() -> identity.registerUser(form.v("username"), params.getFirst("password"),
          form.v("displayName"), org.isEmpty() ? null : new OrganizationId(org), Set.copyOf(roles)));
      // the role rules (a role the organisation's kind may not hold) belong next to the roles, a
      // username taken next to the username
      refused.all().forEach(p -> problems.add(p.field() != null ? p.field()
          : p.code().startsWith("role-") ? "roles" : p.code().equals("state-conflict") ? "username" : null,
          p.code(), p.reason()));
    }
    if (problems.isEmpty()) {
      return "redirect:/operator/organisations?done";
    }
    model.addAttribute("userForm", form.with("password", ""));
    model.addAttribute("userProblems", problems);
    response.setStatus(422);
    return organisations(model);
  }

  private static OrganizationKind kind(String value) {
    try {
      return OrganizationKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @PostMapping("/operator/users/{userId}/disable")
  public String disable(@PathVariable String userId, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.OPERATOR);
    Refusals problems = Refusals.none();
    problems.run(() -> identity.disableUser(me.userId(), new UserId(userId)));
    return done(problems, model, response, "/operator/organisations", () -> organisations(model));
  }

  @PostMapping("/operator/users/{userId}/enable")
  public String enable(@PathVariable String userId, Model model, HttpServletResponse response) {
    access.require(Role.OPERATOR);
    Refusals problems = Refusals.none();
    problems.run(() -> identity.enableUser(new UserId(userId)));
    return done(problems, model, response, "/operator/organisations", () -> organisations(model));
  }

  @GetMapping("/operator/contracts")
  public String contracts(Model model) {
    CurrentUser me = access.require(Role.OPERATOR);
    model.addAttribute("contracts", contracts.search(new ContractSearch(me.organizationId().value(), true, null,
        null, null), 0, 100).items());
    return "operator/contracts";
  }

  @PostMapping("/operator/contracts/{contractId}/terminate")
  public String terminate(@PathVariable String contractId, @RequestParam(name = "reason", defaultValue = "") String reason,
      @RequestParam(name = "effectiveFrom", defaultValue = "") String effectiveFrom, Model model, HttpServletResponse response) {
    CurrentUser me = access.require(Role.OPERATOR);
    Refusals problems = Refusals.none();
    LocalDate from = problems.collect(() -> {
      try {
        return LocalDate.parse(effectiveFrom.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidValue("effectiveFrom", "must be a date like 2027-01-31");
      }
    });
    if (from != null) {
      problems.run(() -> commands.sendAndWait(new TerminateContract(new ContractId(contractId), me.userId().value(),
          reason.strip(), from)));
    }
    return done(problems, model, response, "/operator/contracts", () -> contracts(model));
  }

  private String act(String listingId, Model model, HttpServletResponse response, Function<Long, Object> command,
      long version) {
    Refusals problems = Refusals.none();
    Object after = problems.collect(() -> commands.sendAndWait(command.apply(version)));
    if (after instanceof Long v) {
      listings.awaitVersion(listingId, v, READ_YOUR_WRITES);
    }
    return done(problems, model, response, "/operator", () -> workspace(model));
  }

  /**
   * Done: back to the page (a GET, so a reload repeats nothing). Refused: the page again with the
   * refusals at the top (pages keep no server session to carry them across a redirect).
   */
  private static String done(Refusals problems, Model model, HttpServletResponse response, String to,
      Supplier<String> page) {
    if (problems.isEmpty()) {
      return "redirect:" + to + "?done";
    }
    model.addAttribute("refusals", problems.all());
    response.setStatus(422);
    return page.get();
  }

  private List<ListingView> search(String org, ListingStatus status) {
    return listings.search(new ListingSearch(org, true, status, null, null, null), 0, 100).items();
  }

  private static Actor actor(CurrentUser me) {
    return new Actor(me.userId().value(), me.organizationId().value(), me.has(Role.OPERATOR));
  }
}
