package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.BiddingOpened;
import io.reelx.exchange.listing.domain.ListingApproved;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingEvent;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.listing.domain.ListingRejected;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSubmitted;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.ListingWithdrawn;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import java.time.Instant;

/**
 * What each listing event does to the listing's view: the one place the listing view's rules live,
 * used by the projection that stores the view and to fold the view straight from the event stream.
 */
final class ListingViewEvolution {

  private ListingViewEvolution() {}

  /**
   * The view after {@code event} (sequence number {@code seq}, stored {@code at}); {@code view} is
   * null before the listing's first event. Events the view does not show leave it as it was, at the
   * event's version.
   */
  static ListingView evolve(ListingView view, Object event, long seq, Instant at) {
    if (event instanceof ListingCreated e) {
      return new ListingView(e.listingId().value(), e.titleId(), e.titleName(), e.holderOrganizationId(),
          ListingStatus.DRAFT, e.window(), e.exclusive(), e.sublicensable(), e.sale(), e.schedule(), e.signingDays(),
          e.settlementTerms(), e.description(), null, false, seq, at, at, null, null);
    }
    if (view == null) {
      return null;
    }
    if (event instanceof ListingSubmitted) {
      return view.next(ListingStatus.SUBMITTED, null, seq, at);
    }
    if (event instanceof ListingApproved) {
      return view.next(ListingStatus.ANNOUNCED, null, seq, at).closing(view.schedule().biddingStartsAt());
    }
    if (event instanceof BiddingOpened e) {
      return view.next(ListingStatus.BIDDING, null, seq, at).closing(e.closesAt());
    }
    if (event instanceof TimedPeriodStarted e) {
      return view.next(ListingStatus.COUNTDOWN, null, seq, at).closing(e.closesAt());
    }
    if (event instanceof ListingAwarded e) {
      return view.next(ListingStatus.AWARDED, null, seq, at).closed(
          new ListingView.Result(true, e.bidderCode(), e.organizationId(), e.price(), null, e.closedAt()));
    }
    if (event instanceof ListingFailed e) {
      return view.next(ListingStatus.FAILED, null, seq, at).closed(
          new ListingView.Result(false, null, null, null, e.reason().name(), e.closedAt()));
    }
    if (event instanceof ListingRejected e) {
      return view.next(ListingStatus.DRAFT, e.reason(), seq, at);
    }
    if (event instanceof ListingWithdrawn e) {
      return view.next(ListingStatus.WITHDRAWN, e.reason(), seq, at);
    }
    if (event instanceof ListingSuspended e) {
      return view.next(ListingStatus.SUSPENDED, e.reason(), seq, at);
    }
    if (event instanceof ListingResumed e) {
      return view.next(e.resumedTo(), null, seq, at).closing(e.closesAt());
    }
    if (event instanceof BidPlaced e && e.extendedTo() != null) {
      return view.atVersion(seq).closing(e.extendedTo());
    }
    return event instanceof ListingEvent ? view.atVersion(seq) : view;
  }
}
