package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;

/**
 * A listing as readers see it; stored as one JSON document per listing. {@code published}: it has
 * been announced, so every user may see it.
 */
public record ListingView(
    String id,
    String titleId,
    String titleName,
    String holderOrganizationId,
    ListingStatus status,
    WindowTerms window,
    boolean exclusive,
    boolean sublicensable,
    SaleTerms sale,
    Schedule schedule,
    int signingDays,
    ListingSettlementTerms settlementTerms,
    String description,
    String rejectionReason,
    boolean published,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Instant closesAt,
    Result result) {

  /** How the sale ended. */
  public record Result(
      boolean awarded, String winnerBidderCode, String winnerOrganizationId, Long price, String failureReason,
      Instant closedAt) {}

  /** The view after a status change; once announced, a listing stays public. */
  ListingView next(ListingStatus newStatus, String reason, long newVersion, Instant at) {
    return new ListingView(id, titleId, titleName, holderOrganizationId, newStatus, window, exclusive,
        sublicensable, sale, schedule, signingDays, settlementTerms, description, reason,
        published || !newStatus.isPrivate() && newStatus != ListingStatus.WITHDRAWN, newVersion, createdAt, at,
        closesAt, result);
  }

  public ListingView atVersion(long newVersion) {
    return newVersion == version ? this : new ListingView(id, titleId, titleName, holderOrganizationId, status, window,
        exclusive, sublicensable, sale, schedule, signingDays, settlementTerms, description, rejectionReason, published,
        newVersion, createdAt, updatedAt, closesAt, result);
  }

  ListingView closing(Instant newClosesAt) {
    return new ListingView(id, titleId, titleName, holderOrganizationId, status, window, exclusive, sublicensable,
        sale, schedule, signingDays, settlementTerms, description, rejectionReason, published, version, createdAt,
        updatedAt, newClosesAt, result);
  }

  ListingView closed(Result outcome) {
    return new ListingView(id, titleId, titleName, holderOrganizationId, status, window, exclusive, sublicensable,
        sale, schedule, signingDays, settlementTerms, description, rejectionReason, published, version, createdAt,
        updatedAt, null, outcome);
  }
}
