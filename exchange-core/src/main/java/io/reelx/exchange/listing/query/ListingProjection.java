package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.ListingApproved;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingRejected;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSubmitted;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.ListingWithdrawn;
import io.reelx.exchange.listing.domain.BidderQualified;
import io.reelx.exchange.listing.domain.BidderRefused;
import io.reelx.exchange.listing.domain.DepositApplied;
import io.reelx.exchange.listing.domain.DepositReceived;
import io.reelx.exchange.listing.domain.DepositReleased;
import io.reelx.exchange.listing.domain.PlatformRegistered;
import io.reelx.exchange.listing.domain.BiddingOpened;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code listing_view} in step with listing events. Runs on a tracking processor (token in
 * PostgreSQL, failures to the dead-letter queue) and is idempotent, so it can be replayed. What
 * each event changes is decided by {@link ListingViewEvolution}, which also answers from the event
 * stream when this view is behind.
 */
@Component
@ProcessingGroup(ListingGroups.LISTING_VIEW)
public class ListingProjection {

  private static final boolean MOVES_CLOSING = true;

  private final ListingViews views;

  public ListingProjection(ListingViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ListingCreated e, @SequenceNumber long seq, @Timestamp Instant at) {
    views.save(ListingViewEvolution.evolve(null, e, seq, at), 0);
  }

  @EventHandler
  void on(ListingSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at);
  }

  @EventHandler
  void on(ListingApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at, MOVES_CLOSING);
  }

  @EventHandler
  void on(BiddingOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at, MOVES_CLOSING);
  }

  @EventHandler
  void on(TimedPeriodStarted e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at, MOVES_CLOSING);
    views.restartedByLaterBids(e.listingId().value(), seq);
  }

  /*
   * Bids are not handled here, so this processor skips them without reading them: the bid book
   * ({@link BidBook}) has them, and moves the countdown's end in the row as it stores them. The rarer
   * events below change nothing in the document but mark it as caught up, so a command's
   * response can wait for "its" version.
   */

  @EventHandler
  void on(PlatformRegistered e, @SequenceNumber long seq) {
    views.touch(e.listingId().value(), seq);
  }

  @EventHandler
  void on(DepositReceived e, @SequenceNumber long seq) {
    views.touch(e.listingId().value(), seq);
  }

  @EventHandler
  void on(BidderQualified e, @SequenceNumber long seq) {
    views.touch(e.listingId().value(), seq);
  }

  @EventHandler
  void on(BidderRefused e, @SequenceNumber long seq) {
    views.touch(e.listingId().value(), seq);
  }

  @EventHandler
  void on(DepositReleased e, @SequenceNumber long seq) {
    views.touch(e.listingId().value(), seq);
  }

  @EventHandler
  void on(DepositApplied e, @SequenceNumber long seq) {
    views.touch(e.listingId().value(), seq);
  }

  @EventHandler
  void on(ListingAwarded e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at, MOVES_CLOSING);
  }

  @EventHandler
  void on(ListingFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at, MOVES_CLOSING);
  }

  @EventHandler
  void on(ListingRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at);
  }

  @EventHandler
  void on(ListingWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at, MOVES_CLOSING);
  }

  @EventHandler
  void on(ListingSuspended e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at);
  }

  @EventHandler
  void on(ListingResumed e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), e, seq, at, MOVES_CLOSING);
    views.restartedByLaterBids(e.listingId().value(), seq);
  }

  @ResetHandler
  void reset() {
    views.deleteAll();
  }

  private void update(String id, Object event, long seq, Instant at) {
    update(id, event, seq, at, false);
  }

  /**
   * Applies a change once: a replayed or redelivered event finds the view already past it. An
   * event that {@code movesClosing} sets the closing time, unless a later event has already.
   */
  private void update(String id, Object event, long seq, Instant at, boolean movesClosing) {
    views.projected(id).filter(v -> v.version() < seq)
        .ifPresent(v -> views.save(ListingViewEvolution.evolve(v, event, seq, at), movesClosing ? seq : 0));
  }
}
