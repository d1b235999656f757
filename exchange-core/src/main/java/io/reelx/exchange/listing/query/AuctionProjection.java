package io.reelx.exchange.listing.query;

import io.reelx.exchange.config.AxonConfiguration;
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
 * harmless. (The bid book is written with the bids: {@link BidBook}.)
 */
@Component
@ProcessingGroup(AxonConfiguration.AUCTION_VIEW)
public class AuctionProjection {

  private final JdbcClient jdbc;

  public AuctionProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(PlatformRegistered e, @SequenceNumber long seq, @Timestamp Instant at) {
    jdbc.sql("INSERT INTO registration_view (id, listing_id, organization_id, bidder_code, status, deposit, currency,"
            + " deposit_status, registered_at, listing_version) VALUES (?,?,?,?,'REGISTERED',?,?,'NONE',?,?)"
            + " ON CONFLICT (id) DO NOTHING")
        .params(e.registrationId().value(), e.listingId().value(), e.organizationId(), e.bidderCode(), e.deposit(),
            e.currency(), java.sql.Timestamp.from(at), seq)
        .update();
  }

  @EventHandler
  void on(DepositReceived e, @SequenceNumber long seq) {
    jdbc.sql("UPDATE registration_view SET status = 'DEPOSIT_RECEIVED', deposit_received = ?, bank_reference = ?,"
            + " deposit_status = 'HELD', listing_version = ? WHERE id = ? AND listing_version < ?")
        .params(e.amount(), e.bankReference(), seq, e.registrationId().value(), seq).update();
  }

  @EventHandler
  void on(BidderQualified e, @SequenceNumber long seq, @Timestamp Instant at) {
    jdbc.sql("UPDATE registration_view SET status = 'QUALIFIED', qualified_at = ?, listing_version = ?"
            + " WHERE id = ? AND listing_version < ?")
        .params(java.sql.Timestamp.from(at), seq, e.registrationId().value(), seq).update();
  }

  @EventHandler
  void on(BidderRefused e, @SequenceNumber long seq) {
    jdbc.sql("UPDATE registration_view SET status = 'REFUSED', refusal_reason = ?, listing_version = ?"
            + " WHERE id = ? AND listing_version < ?")
        .params(e.reason(), seq, e.registrationId().value(), seq).update();
  }

  @EventHandler
  void on(DepositReleased e, @SequenceNumber long seq) {
    deposit(e.registrationId().value(), "RELEASED", seq);
  }

  @EventHandler
  void on(DepositApplied e, @SequenceNumber long seq) {
    deposit(e.registrationId().value(), "APPLIED", seq);
  }

  @ResetHandler
  void reset() {
    jdbc.sql("DELETE FROM registration_view").update();
  }

  private void deposit(String registrationId, String status, long seq) {
    jdbc.sql("UPDATE registration_view SET deposit_status = ?, listing_version = ? WHERE id = ? AND listing_version < ?")
        .params(status, seq, registrationId, seq).update();
  }
}
