package io.reelx.acceptance.support;

import static io.reelx.acceptance.support.Calls.expectSuccess;

import io.reelx.client.model.CreateListingRequest;
import io.reelx.client.model.CreateOrganizationRequest;
import io.reelx.client.model.CreateUserRequest;
import io.reelx.client.model.Holding;
import io.reelx.client.model.HoldingRequest;
import io.reelx.client.model.Listing;
import io.reelx.client.model.Organization;
import io.reelx.client.model.ReasonRequest;
import io.reelx.client.model.OrganizationKind;
import io.reelx.client.model.Role;
import io.reelx.client.model.Title;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arranging that many scenarios share, done over HTTP like everything else: admitting
 * organisations, opening accounts, registering titles and holdings, offering listings.
 */
public class Backstage {

  private final World world;

  public Backstage(World world) {
    this.world = world;
  }

  public Organization admit(String name, OrganizationKind kind, String country) {
    Organization organization = expectSuccess("Admitting " + name, () -> world.operator().organizations()
        .createOrganization(new CreateOrganizationRequest()
            .name(world.organizationNameFor(name)).kind(kind).country(country)));
    world.remember(name, organization);
    return organization;
  }

  public CreateUserRequest account(String alias, String organizationId, List<String> roles) {
    return new CreateUserRequest()
        .username(world.usernameFor(alias))
        .password("Pw-" + RunningExchange.randomSecret(17))
        .displayName(alias)
        .organizationId(organizationId)
        .roles(roles.stream().map(Role::fromValue).toList());
  }

  public Actor openAccount(String alias, String organizationId, List<String> roles) {
    CreateUserRequest request = account(alias, organizationId, roles);
    expectSuccess("Opening the account " + alias, () -> world.operator().users().createUser(request));
    return world.newUser(alias, request.getUsername(), request.getPassword(), organizationId);
  }

  public Actor member(String organization, OrganizationKind kind, String alias, Role role) {
    String country = kind == OrganizationKind.PLATFORM ? "HK" : "CN";
    Organization org = world.knowsOrganization(organization)
        ? world.organization(organization)
        : admit(organization, kind, country);
    return openAccount(alias, org.getId(), List.of(role.getValue()));
  }

  public Title registerTitle(Actor holder, String name) {
    Title title = expectSuccess("Registering " + name,
        () -> holder.titles().registerTitle(Requests.title(name)));
    world.remember(name, title);
    return title;
  }

  public Holding recordHolding(Actor holder, String titleName, HoldingRequest request) {
    return expectSuccess("Recording a holding of " + titleName,
        () -> holder.titles().recordHolding(world.title(titleName).getId(), request));
  }

  public Listing offer(Actor holder, String titleName, Map<String, String> terms) {
    CreateListingRequest request = Requests.englishAuction(world.title(titleName).getId(), terms);
    Listing listing = expectSuccess("Offering " + titleName, () -> holder.listings().createListing(request));
    world.listing(listing);
    return listing;
  }

  public Listing submit(Actor holder) {
    Listing current = world.listing();
    Listing listing = expectSuccess("Submitting the listing",
        () -> holder.listings().submitListing(current.getId(), etag(current.getVersion())));
    world.listing(listing);
    return listing;
  }

  public Listing approve(Actor operator) {
    Listing current = world.listing();
    Listing listing = expectSuccess("Approving the listing",
        () -> operator.listings().approveListing(current.getId(), etag(current.getVersion())));
    world.listing(listing);
    return listing;
  }

  /**
   * Offers, submits and approves a sale in one go; empty when the exchange refused it because its
   * opening had already passed (422 {@code schedule-in-past}: nothing went public), which a busy
   * machine can cause with a near opening. Any other refusal fails the scenario.
   */
  public Optional<Listing> announce(Actor holder, CreateListingRequest request) {
    Optional<Listing> created = unlessTooLate("Offering the listing", () -> holder.listings().createListing(request));
    if (created.isEmpty()) {
      return Optional.empty();
    }
    world.listing(created.get());
    Optional<Listing> submitted = unlessTooLate("Submitting the listing",
        () -> holder.listings().submitListing(created.get().getId(), etag(created.get().getVersion())));
    if (submitted.isEmpty()) {
      return Optional.empty();
    }
    Optional<Listing> approved = unlessTooLate("Approving the listing",
        () -> world.operator().listings().approveListing(created.get().getId(), etag(submitted.get().getVersion())));
    approved.ifPresent(world::listing);
    return approved;
  }

  /** Withdraws the scenario's listing if it has not opened yet (a sale given up for a new one); no matter if it has. */
  public void withdrawIfNotOpen(Actor holder, String reason) {
    Listing current = world.listing();
    Calls.attempt(() -> holder.listings().withdrawListing(current.getId(), null, new ReasonRequest().reason(reason)));
  }

  private static Optional<Listing> unlessTooLate(String what, Calls.ApiCall<Listing> call) {
    Outcome outcome = Calls.attempt(call);
    if (outcome.succeeded()) {
      return Optional.of((Listing) outcome.value());
    }
    if (outcome.status() == 422 && outcome.isProblem() && "schedule-in-past".equals(outcome.problem().getCode())) {
      return Optional.empty();
    }
    throw new AssertionError(what + " was refused: " + outcome);
  }

  /** The listing as its holder sees it now. */
  public Listing reread(Actor reader) {
    Listing listing = expectSuccess("Reading the listing",
        () -> reader.listings().getListing(world.listing().getId()));
    world.listing(listing);
    return listing;
  }

  public static String etag(Long version) {
    return "\"" + version + "\"";
  }
}
