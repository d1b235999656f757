package io.reelx.acceptance.support;

import static io.reelx.acceptance.support.Calls.expectSuccess;

import io.reelx.client.model.Listing;
import io.reelx.client.model.Organization;
import io.reelx.client.model.Title;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one scenario knows: who is playing (by the names the feature gives them), the
 * organisations, titles and listing it made, and what the exchange last answered. A new World is
 * made for every scenario (picocontainer); the exchange itself is shared, so every name sent to it
 * gets a suffix unique to this run and scenario.
 */
public class World {

  private static final String RUN = RunningExchange.randomSecret(5).toLowerCase();
  private static final AtomicInteger SCENARIOS = new AtomicInteger();

  private final RunningExchange exchange = RunningExchange.get();
  private final String suffix = RUN + "-" + SCENARIOS.incrementAndGet();
  private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final Map<String, Organization> organizations = new LinkedHashMap<>();
  private final Map<String, Title> titles = new LinkedHashMap<>();
  private Actor operator;
  private Listing listing;
  private io.reelx.client.model.SettlementTerms nextListingTerms;
  private Outcome lastOutcome;

  public String baseUri() {
    return exchange.baseUri();
  }

  /** The exchange's own operator account, created by the exchange at first start. */
  public Actor operator() {
    if (operator == null) {
      operator = Actor.withPassword("the operator", RunningExchange.ADMIN, exchange.adminPassword(),
          null, baseUri(), this::observe);
    }
    return operator;
  }

  public String exchangeOrganizationId() {
    return expectSuccess("The operator asking who it is", () -> operator().me().getMe()).getOrganizationId();
  }

  /** A login name unique on the exchange for the alias a feature uses ({@code mango-ann}). */
  public String usernameFor(String alias) {
    String name = alias.toLowerCase().replaceAll("[^a-z0-9._-]", "-") + "." + suffix;
    return name.length() <= 40 ? name : name.substring(name.length() - 40);
  }

  /** An organisation name unique on the exchange for the name a feature uses. */
  public String organizationNameFor(String name) {
    return name + " [" + suffix + "]";
  }

  /** A user of another exchange (the demo's), whose answers count for this scenario too. */
  public Actor userOf(String baseUri, String alias, String username, String password) {
    Actor actor = Actor.withPassword(alias, username, password, null, baseUri, this::observe);
    actors.put(alias, actor);
    return actor;
  }

  public Actor newUser(String alias, String username, String password, String organizationId) {
    Actor actor = Actor.withPassword(alias, username, password, organizationId, baseUri(), this::observe);
    actors.put(alias, actor);
    return actor;
  }

  /** Someone claiming to be {@code actor} but sending the wrong password. */
  public Actor impostorOf(Actor actor) {
    return Actor.withPassword(actor.alias(), actor.username(), actor.password() + "x", actor.organizationId(),
        baseUri(), this::observe);
  }

  public Actor anonymous() {
    return Actor.anonymous(baseUri(), this::observe);
  }

  public Actor bearer(String alias, String token) {
    return Actor.withToken(alias, token, baseUri(), this::observe);
  }

  public Actor actor(String alias) {
    if (alias.equals("the operator")) {
      return operator();
    }
    Actor actor = actors.get(alias);
    if (actor == null) {
      throw new IllegalStateException("No one called '" + alias + "' in this scenario; known: " + actors.keySet());
    }
    return actor;
  }

  /** A user of the organisation with this id, to act for it where the feature names only it. */
  public Actor memberOf(String organizationId) {
    return actors.values().stream()
        .filter(a -> organizationId.equals(a.organizationId()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No user of organisation " + organizationId + " in this scenario"));
  }

  public void remember(String alias, Organization organization) {
    organizations.put(alias, organization);
  }

  public Organization organization(String alias) {
    Organization organization = organizations.get(alias);
    if (organization == null) {
      throw new IllegalStateException("No organisation '" + alias + "' in this scenario; known: " + organizations.keySet());
    }
    return organization;
  }

  public boolean knowsOrganization(String alias) {
    return organizations.containsKey(alias);
  }

  public void remember(String alias, Title title) {
    titles.put(alias, title);
  }

  public Title title(String name) {
    Title title = titles.get(name);
    if (title == null) {
      throw new IllegalStateException("No title '" + name + "' in this scenario; known: " + titles.keySet());
    }
    return title;
  }

  /** Settlement terms the next listing offered in this scenario will carry. */
  public void offerNextListingUnder(io.reelx.client.model.SettlementTerms terms) {
    nextListingTerms = terms;
  }

  /** The terms set with {@link #offerNextListingUnder}, once. */
  public java.util.Optional<io.reelx.client.model.SettlementTerms> takeNextListingTerms() {
    java.util.Optional<io.reelx.client.model.SettlementTerms> terms = java.util.Optional.ofNullable(nextListingTerms);
    nextListingTerms = null;
    return terms;
  }

  public void listing(Listing listing) {
    this.listing = listing;
  }

  public Listing listing() {
    if (listing == null) {
      throw new IllegalStateException("No listing in this scenario yet");
    }
    return listing;
  }

  /** Runs a call that may be refused and keeps its outcome for the Then steps. */
  public <T> Outcome attempt(Calls.ApiCall<T> call) {
    Outcome outcome = Calls.attempt(call);
    lastOutcome = outcome;
    return outcome;
  }

  public void lastOutcome(Outcome outcome) {
    lastOutcome = outcome;
  }

  public Outcome lastOutcome() {
    if (lastOutcome == null) {
      throw new IllegalStateException("Nothing was attempted yet in this scenario");
    }
    return lastOutcome;
  }

  void observe(int status) {
    if (status >= 500) {
      serverErrors.add("HTTP " + status);
    }
  }

  public List<String> serverErrors() {
    return List.copyOf(serverErrors);
  }
}
