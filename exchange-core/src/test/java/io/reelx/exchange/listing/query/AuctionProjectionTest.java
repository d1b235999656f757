package io.reelx.exchange.listing.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.listing.domain.BidderQualified;
import io.reelx.exchange.listing.domain.BidderRefused;
import io.reelx.exchange.listing.domain.DepositApplied;
import io.reelx.exchange.listing.domain.DepositReceived;
import io.reelx.exchange.listing.domain.DepositReleased;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.PlatformRegistered;
import io.reelx.exchange.listing.domain.RegistrationId;
import io.reelx.exchange.listing.domain.RegistrationStatus;
import io.reelx.exchange.testing.ProjectionDatabase;
import java.time.Instant;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registrations on a real PostgreSQL: given listing events, the registration rows read back. */
class AuctionProjectionTest {

  static final Instant AT = Instant.parse("2027-01-10T09:00:00Z");
  static final ListingId L1 = new ListingId("L-1");
  static final RegistrationId R1 = new RegistrationId("r-1");
  static final RegistrationId R2 = new RegistrationId("r-2");

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private AuctionViews views;
  private AuctionProjection projection;

  @BeforeEach
  void setUp() {
    db.truncate("registration_view");
    views = new AuctionViews(db.jdbcClient(),
        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(), new VersionNotifier());
    projection = new AuctionProjection(db.jdbcClient(), views);
  }

  @Test
  void a_registration_without_a_deposit_received_reads_back_none_not_zero() {
    projection.on(new PlatformRegistered(L1, R1, "org-1", "B-01", 10_000, "CNY"), 4, AT);

    RegistrationView r = views.registration("r-1").orElseThrow();
    assertThat(r.depositReceived()).as("no deposit received yet").isNull();
    assertThat(r.bankReference()).isNull();
    assertThat(r.qualifiedAt()).isNull();
    assertThat(r).extracting(RegistrationView::status, RegistrationView::deposit, RegistrationView::currency,
            RegistrationView::depositStatus, RegistrationView::bidderCode, RegistrationView::listingVersion,
            RegistrationView::registeredAt)
        .containsExactly(RegistrationStatus.REGISTERED, 10_000L, "CNY", "NONE", "B-01", 4L, AT);
  }

  @Test
  void a_deposit_received_and_qualification_are_recorded() {
    projection.on(new PlatformRegistered(L1, R1, "org-1", "B-01", 10_000, "CNY"), 4, AT);
    projection.on(new DepositReceived(L1, R1, "org-1", 10_000, "CNY", "bank-7", "u-fin"), 5, AT.plusSeconds(1));
    projection.on(new BidderQualified(L1, R1, "u-op"), 6, AT.plusSeconds(2));

    RegistrationView r = views.registration("r-1").orElseThrow();
    assertThat(r.status()).isEqualTo(RegistrationStatus.QUALIFIED);
    assertThat(r.depositReceived()).isEqualTo(10_000L);
    assertThat(r.bankReference()).isEqualTo("bank-7");
    assertThat(r.depositStatus()).isEqualTo("HELD");
    assertThat(r.qualifiedAt()).isEqualTo(AT.plusSeconds(2));
    assertThat(r.listingVersion()).isEqualTo(6);
  }

  @Test
  void at_the_close_the_winners_deposit_is_applied_and_a_refused_bidders_released() {
    projection.on(new PlatformRegistered(L1, R1, "org-1", "B-01", 10_000, "CNY"), 4, AT);
    projection.on(new PlatformRegistered(L1, R2, "org-2", "B-02", 10_000, "CNY"), 5, AT);
    projection.on(new DepositReceived(L1, R1, "org-1", 10_000, "CNY", "bank-1", "u-fin"), 6, AT);
    projection.on(new DepositReceived(L1, R2, "org-2", 10_000, "CNY", "bank-2", "u-fin"), 7, AT);
    projection.on(new BidderRefused(L1, R2, "sanctioned", "u-op"), 8, AT);
    projection.on(new DepositReleased(L1, R2, "org-2", 10_000, "CNY"), 9, AT);
    projection.on(new DepositApplied(L1, R1, "org-1", 10_000, "CNY"), 12, AT);

    assertThat(views.registrations("L-1")).extracting(RegistrationView::bidderCode, RegistrationView::status,
            RegistrationView::depositStatus, RegistrationView::refusalReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("B-01", RegistrationStatus.DEPOSIT_RECEIVED, "APPLIED", null),
            org.assertj.core.groups.Tuple.tuple("B-02", RegistrationStatus.REFUSED, "RELEASED", "sanctioned"));
  }

  @Test
  void an_event_delivered_again_changes_nothing() {
    projection.on(new PlatformRegistered(L1, R1, "org-1", "B-01", 10_000, "CNY"), 4, AT);
    projection.on(new BidderQualified(L1, R1, "u-op"), 6, AT.plusSeconds(2));
    projection.on(new DepositReceived(L1, R1, "org-1", 10_000, "CNY", "bank-7", "u-fin"), 5, AT.plusSeconds(1));
    projection.on(new PlatformRegistered(L1, R1, "org-1", "B-01", 10_000, "CNY"), 4, AT);

    RegistrationView r = views.registration("r-1").orElseThrow();
    assertThat(r.status()).isEqualTo(RegistrationStatus.QUALIFIED);
    assertThat(r.depositReceived()).isNull();
    assertThat(r.listingVersion()).isEqualTo(6);
  }

  @Test
  void a_writer_of_a_registration_is_answered_once_its_version_is_projected() {
    projection.on(new PlatformRegistered(L1, R1, "org-1", "B-01", 10_000, "CNY"), 4, AT);

    assertThat(views.awaitRegistration("r-1", 4, java.time.Duration.ofSeconds(60))).isPresent();
    assertThat(views.awaitRegistration("r-1", 5, java.time.Duration.ofMillis(1))).as("not there yet").isEmpty();
  }
}
