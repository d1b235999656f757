package io.reelx.exchange.listing.query;

import io.reelx.exchange.config.AxonConfiguration;
import io.reelx.exchange.listing.domain.ListingApproved;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingRejected;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSubmitted;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.ListingWithdrawn;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code listing_view} in step with listing events. Runs on a tracking processor (token in
 * PostgreSQL, failures to the dead-letter queue) and is idempotent, so it can be replayed.
 */
@Component
@ProcessingGroup(AxonConfiguration.LISTING_VIEW)
public class ListingProjection {

  private final ListingViews views;

  public ListingProjection(ListingViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ListingCreated e, @SequenceNumber long seq, @Timestamp Instant at) {
    views.save(new ListingView(e.listingId().value(), e.titleId(), e.titleName(), e.holderOrganizationId(),
        ListingStatus.DRAFT, e.window(), e.exclusive(), e.sublicensable(), e.sale(), e.schedule(), e.signingDays(),
        e.settlementTerms(), e.description(), null, false, seq, at, at));
  }

  @EventHandler
  void on(ListingSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
    move(e.listingId().value(), ListingStatus.SUBMITTED, null, seq, at);
  }

  @EventHandler
  void on(ListingApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
    move(e.listingId().value(), ListingStatus.ANNOUNCED, null, seq, at);
  }

  @EventHandler
  void on(ListingRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
    move(e.listingId().value(), ListingStatus.DRAFT, e.reason(), seq, at);
  }

  @EventHandler
  void on(ListingWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at) {
    move(e.listingId().value(), ListingStatus.WITHDRAWN, e.reason(), seq, at);
  }

  @EventHandler
  void on(ListingSuspended e, @SequenceNumber long seq, @Timestamp Instant at) {
    move(e.listingId().value(), ListingStatus.SUSPENDED, e.reason(), seq, at);
  }

  @EventHandler
  void on(ListingResumed e, @SequenceNumber long seq, @Timestamp Instant at) {
    move(e.listingId().value(), e.resumedTo(), null, seq, at);
  }

  @ResetHandler
  void reset() {
    views.deleteAll();
  }

  private void move(String id, ListingStatus status, String reason, long seq, Instant at) {
    views.find(id).filter(v -> v.version() < seq).ifPresent(v -> views.save(v.next(status, reason, seq, at)));
  }
}
