package io.reelx.exchange.listing.domain;

/** Facts in a listing's life, from draft through review, qualification and bidding to close. */
public sealed interface ListingEvent
    permits ListingCreated, ListingSubmitted, ListingApproved, ListingRejected, ListingWithdrawn,
        ListingSuspended, ListingResumed, PlatformRegistered, DepositReceived, BidderQualified,
        BidderRefused, BiddingOpened, TimedPeriodStarted, BidPlaced, ListingAwarded, ListingFailed,
        DepositReleased, DepositApplied {
  ListingId listingId();
}
