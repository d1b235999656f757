package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.BidderQualified;
import io.reelx.exchange.listing.domain.BidderRefused;
import io.reelx.exchange.listing.domain.DepositApplied;
import io.reelx.exchange.listing.domain.DepositReceived;
import io.reelx.exchange.listing.domain.DepositReleased;
import io.reelx.exchange.listing.domain.PlatformRegistered;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registrations, on their own tracking processor so a busy auction never holds up the listing
 * search model. Every write is guarded by the listing version, so replays and redeliveries are
 * harmless. What each event changes is decided by {@link RegistrationViewEvolution}. (The bid book is written with the bids: {@link BidBook}.)
 */
@Component
@ProcessingGroup(ListingGroups.AUCTION_VIEW)
public class AuctionProjection {

  private final JdbcClient jdbc;
  private final AuctionViews views;

  public AuctionProjection(JdbcClient jdbc, AuctionViews views) {
    this.jdbc = jdbc;
    this.views = views;
  }

  @EventHandler
  void on(PlatformRegistered e, @SequenceNumber long seq, @Timestamp Instant at) {
    String id = e.registrationId().value();
    if (views.registration(id).isEmpty()) {
      views.save(RegistrationViewEvolution.evolve(null, id, e, seq, at));
    }
  }

  @EventHandler
  void on(DepositReceived e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.registrationId().value(), e, seq, at);
  }

  @EventHandler
  void on(BidderQualified e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.registrationId().value(), e, seq, at);
  }

  @EventHandler
  void on(BidderRefused e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.registrationId().value(), e, seq, at);
  }

  @EventHandler
  void on(DepositReleased e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.registrationId().value(), e, seq, at);
  }

  @EventHandler
  void on(DepositApplied e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.registrationId().value(), e, seq, at);
  }

  @ResetHandler
  void reset() {
    jdbc.sql("DELETE FROM registration_view").update();
  }

  /** Applies a change once: a replayed or redelivered event finds the registration already past it. */
  private void update(String id, Object event, long seq, Instant at) {
    views.registration(id).filter(r -> r.listingVersion() < seq)
        .ifPresent(r -> views.save(RegistrationViewEvolution.evolve(r, id, event, seq, at)));
  }
}
