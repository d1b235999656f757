package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds a small market over HTTP: a rights holder with a title, holdings and listings. */
final class Market {

  private static final AtomicInteger SEQ = new AtomicInteger();

  final int port;
  final Http admin;
  final Http holder;
  final String holderName;
  final String holderPassword = "holder-password-1";
  String titleId;
  /** The sale mode of the auctions announced from now on (ENGLISH unless set). */
  String saleMode = "ENGLISH";

  Market(int port, String adminPassword) {
    this.port = port;
    this.admin = Http.basic(port, "admin", adminPassword);
    int n = SEQ.incrementAndGet() + (int) (System.nanoTime() % 100_000);
    Http.Response org = admin.post("/api/v1/organizations",
        Map.of("name", "Holder " + n, "kind", "RIGHTS_HOLDER", "country", "CN"));
    assertThat(org.status()).as(org.body()).isEqualTo(201);
    holderName = "holder-" + n;
    Http.Response user = admin.post("/api/v1/users", Map.of("username", holderName, "password", holderPassword,
        "displayName", "Holder", "organizationId", org.get("id"), "roles", List.of("RIGHTS_HOLDER")));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    holder = Http.basic(port, holderName, holderPassword);
  }

  Market withTitle() {
    Http.Response title = holder.post("/api/v1/titles", Map.of("name", "Title of " + holderName, "kind", "SERIES",
        "episodes", 12, "minutesPerEpisode", 40, "originalLanguage", "zh", "productionYear", 2025));
    assertThat(title.status()).as(title.body()).isEqualTo(201);
    titleId = title.get("id");
    Http.Response holding = holder.post("/api/v1/titles/" + titleId + "/holdings", Map.of(
        "territories", List.of("GREATER_CHINA"), "media", List.of("ALL_MEDIA"), "languages", List.of("zh"),
        "termStart", "2026-01-01", "termEnd", "2035-12-31", "exclusive", true, "sublicensable", false,
        "evidenceSha256", "a".repeat(64)));
    assertThat(holding.status()).as(holding.body()).isEqualTo(201);
    return this;
  }

  /** A platform organisation with one bidding user; returns its client. */
  Http platform(String name) {
    Http.Response org = admin.post("/api/v1/organizations",
        Map.of("name", name + " " + holderName, "kind", "PLATFORM", "country", "CN"));
    assertThat(org.status()).as(org.body()).isEqualTo(201);
    String username = (name + "-" + holderName).toLowerCase().replaceAll("[^a-z0-9-]", "-");
    Http.Response user = admin.post("/api/v1/users", Map.of("username", username, "password", holderPassword,
        "displayName", name, "organizationId", org.get("id"), "roles", List.of("PLATFORM")));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return Http.basic(port, username, holderPassword);
  }

  /**
   * An announced ENGLISH auction (no deposit) on the given schedule. For one opening within
   * seconds, use {@link #auctionOpeningSoon}: a fixed near start fails on a busy machine.
   */
  String announcedAuction(Instant biddingStartsAt, Instant biddingEndsAt, int timedPeriodSeconds) {
    Http.Response listing = holder.post("/api/v1/listings", auctionRequest(biddingStartsAt, biddingEndsAt,
        timedPeriodSeconds));
    assertThat(listing.status()).as(listing.body()).isEqualTo(201);
    String id = listing.get("id");
    assertThat(holder.post("/api/v1/listings/" + id + "/submit", null).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/listings/" + id + "/approve", null).status()).isEqualTo(200);
    return id;
  }

  /** An announced auction and the time its bidding opens. */
  record Opening(String listing, Instant start) {}

  /**
   * An announced ENGLISH auction (no deposit) whose bidding opens a few seconds from now, once
   * {@code setup} (e.g. qualifying platforms) has run, and stays open for {@code freePeriod}.
   * Announcing it and its setup must both happen before it opens; on a machine too busy for that
   * (422 schedule-in-past, or the setup ended after the opening) a new one is announced with twice
   * the lead, so the test does not depend on how fast the machine is. Wait for
   * {@link Opening#start()} before the first bid.
   */
  Opening auctionOpeningSoon(Duration freePeriod, int timedPeriodSeconds, Consumer<String> setup) {
    for (Duration lead = Duration.ofSeconds(2); ; lead = lead.multipliedBy(2)) {
      assertThat(lead).as("an auction could not be announced and set up within %s", lead)
          .isLessThan(Duration.ofMinutes(5));
      Instant start = Instant.now().plus(lead).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
      Optional<String> listing = tryAnnounce(start, start.plus(freePeriod), timedPeriodSeconds);
      if (listing.isEmpty()) {
        continue;
      }
      try {
        setup.accept(listing.get());
      } catch (AssertionError refused) {
        if (Instant.now().isBefore(start)) {
          throw refused;
        }
        continue; // the setup ran past the opening (the sale may even be over): a step was refused for that
      }
      if (Instant.now().isBefore(start)) {
        return new Opening(listing.get(), start);
      }
    }
  }

  /** The listing announced, or empty when its opening had passed before it was approved. */
  private Optional<String> tryAnnounce(Instant biddingStartsAt, Instant biddingEndsAt, int timedPeriodSeconds) {
    Http.Response listing = holder.post("/api/v1/listings", auctionRequest(biddingStartsAt, biddingEndsAt,
        timedPeriodSeconds));
    if (tooLate(listing)) {
      return Optional.empty();
    }
    assertThat(listing.status()).as(listing.body()).isEqualTo(201);
    String id = listing.get("id");
    Http.Response submitted = holder.post("/api/v1/listings/" + id + "/submit", null);
    if (tooLate(submitted)) {
      return Optional.empty();
    }
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    Http.Response approved = admin.post("/api/v1/listings/" + id + "/approve", null);
    if (tooLate(approved)) {
      return Optional.empty();
    }
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    return Optional.of(id);
  }

  private static boolean tooLate(Http.Response response) {
    return response.status() == 422 && response.body().contains("\"schedule-in-past\"");
  }

  private Map<String, Object> auctionRequest(Instant biddingStartsAt, Instant biddingEndsAt, int timedPeriodSeconds) {
    return Map.of(
        "titleId", titleId,
        "window", Map.of("territories", List.of("CN"), "media", List.of("SVOD"), "languages", List.of("zh"),
            "termStart", "2027-01-01", "termEnd", "2028-12-31", "exclusive", false),
        "saleMode", saleMode, "currency", "CNY", "startingPrice", 1000, "increment", 100, "deposit", 0,
        "schedule", Map.of("biddingStartsAt", biddingStartsAt.toString(), "biddingEndsAt", biddingEndsAt.toString(),
            "timedPeriodSeconds", timedPeriodSeconds),
        "signingDays", 3);
  }

  /** Registers the platform for the listing and qualifies it (no deposit due). */
  void qualify(Http platform, String listingId) {
    Http.Response registration = platform.post("/api/v1/listings/" + listingId + "/registrations", null);
    assertThat(registration.status()).as(registration.body()).isEqualTo(201);
    Http.Response qualified = admin.post("/api/v1/listings/" + listingId + "/registrations/"
        + registration.get("id") + "/qualify", null);
    assertThat(qualified.status()).as(qualified.body()).isEqualTo(200);
  }

  String draftListing() {
    Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Http.Response listing = holder.post("/api/v1/listings", Map.of(
        "titleId", titleId,
        "window", Map.of("territories", List.of("CN"), "media", List.of("SVOD"), "languages", List.of("zh"),
            "termStart", "2027-01-01", "termEnd", "2028-12-31", "exclusive", true),
        "saleMode", "ENGLISH", "currency", "CNY", "startingPrice", 100_000_00, "increment", 1_000_00,
        "deposit", 10_000_00,
        "schedule", Map.of("biddingStartsAt", start.toString(), "biddingEndsAt", start.plus(2, ChronoUnit.DAYS)
            .toString(), "timedPeriodSeconds", 300),
        "signingDays", 3));
    assertThat(listing.status()).as(listing.body()).isEqualTo(201);
    return listing.get("id");
  }
}
