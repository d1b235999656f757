package io.reelx.exchange.listing.web;

import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.shared.domain.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/listings/{id}/stream}: the operation {@code streamListing} of the contract,
 * served with an SSE emitter rather than the generated interface (which cannot stream).
 */
@RestController
public class StreamController {

  private final Access access;
  private final ListingViews listings;
  private final LiveFeed feed;

  public StreamController(Access access, ListingViews listings, LiveFeed feed) {
    this.access = access;
    this.listings = listings;
    this.feed = feed;
  }

  @GetMapping(path = "/api/v1/listings/{listingId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter streamListing(@PathVariable String listingId) {
    CurrentUser user = access.current();
    var listing = listings.find(listingId)
        .filter(v -> ListingAccess.visible(v, user))
        .orElseThrow(() -> new NotFound("listing", listingId));
    return feed.open(listing, user.organizationId().value());
  }
}
