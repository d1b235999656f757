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
import java.util.function.UnaryOperator;
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
        e.settlementTerms(), e.description(), null, false, seq, at, at, null, null));
  }

  @EventHandler
  void on(ListingSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
    move(e.listingId().value(), ListingStatus.SUBMITTED, null, seq, at);
  }

  @EventHandler
  void on(ListingApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), seq, v -> v.next(ListingStatus.ANNOUNCED, null, seq, at)
        .closing(v.schedule().biddingStartsAt()));
  }

  @EventHandler
  void on(BiddingOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), seq, v -> v.next(ListingStatus.BIDDING, null, seq, at).closing(e.closesAt()));
  }

  @EventHandler
  void on(TimedPeriodStarted e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), seq, v -> v.next(ListingStatus.COUNTDOWN, null, seq, at).closing(e.closesAt()));
  }

  /*
   * Bids are not handled here, so this processor skips them without reading them: the bid book
   * ({@link BidBook}) has them, and a countdown's moving end is read from there. The rarer
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
    update(e.listingId().value(), seq, v -> v.next(ListingStatus.AWARDED, null, seq, at).closed(
        new ListingView.Result(true, e.bidderCode(), e.organizationId(), e.price(), null, e.closedAt())));
  }

  @EventHandler
  void on(ListingFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.listingId().value(), seq, v -> v.next(ListingStatus.FAILED, null, seq, at).closed(
        new ListingView.Result(false, null, null, null, e.reason().name(), e.closedAt())));
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
    update(e.listingId().value(), seq, v -> v.next(e.resumedTo(), null, seq, at).closing(e.closesAt()));
  }

  @ResetHandler
  void reset() {
    views.deleteAll();
  }

  private void move(String id, ListingStatus status, String reason, long seq, Instant at) {
    update(id, seq, v -> v.next(status, reason, seq, at));
  }

  /** Applies a change once: a replayed or redelivered event finds the view already past it. */
  private void update(String id, long seq, UnaryOperator<ListingView> change) {
    views.find(id).filter(v -> v.version() < seq).ifPresent(v -> views.save(change.apply(v)));
  }
}
