package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.RegistrationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads registrations and bids. */
@Repository
public class AuctionViews {

  private final JdbcClient jdbc;
  private final EventStore events;

  public AuctionViews(JdbcClient jdbc, EventStore events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Stores a registration as the projection computed it. */
  void save(RegistrationView r) {
    jdbc.sql("INSERT INTO registration_view (id, listing_id, organization_id, bidder_code, status, deposit, currency,"
            + " deposit_received, bank_reference, deposit_status, refusal_reason, registered_at, qualified_at,"
            + " listing_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, deposit_received = EXCLUDED.deposit_received,"
            + " bank_reference = EXCLUDED.bank_reference, deposit_status = EXCLUDED.deposit_status,"
            + " refusal_reason = EXCLUDED.refusal_reason, qualified_at = EXCLUDED.qualified_at,"
            + " listing_version = EXCLUDED.listing_version")
        .params(r.id(), r.listingId(), r.organizationId(), r.bidderCode(), r.status().name(), r.deposit(),
            r.currency(), r.depositReceived(), r.bankReference(), r.depositStatus(), r.refusalReason(),
            Timestamp.from(r.registeredAt()), r.qualifiedAt() == null ? null : Timestamp.from(r.qualifiedAt()),
            r.listingVersion())
        .update();
  }

  public Optional<RegistrationView> registration(String id) {
    return jdbc.sql("SELECT * FROM registration_view WHERE id = ?").param(id).query(AuctionViews::registration)
        .optional();
  }

  public List<RegistrationView> registrations(String listingId) {
    return jdbc.sql("SELECT * FROM registration_view WHERE listing_id = ? ORDER BY bidder_code")
        .param(listingId).query(AuctionViews::registration).list();
  }

  public Optional<BidView> bid(String id) {
    return jdbc.sql("SELECT * FROM bid_view WHERE id = ?").param(id).query(AuctionViews::bid).optional();
  }

  /** The newest {@code limit} bids, not counting superseded sealed bids. */
  public List<BidView> bids(String listingId, int limit) {
    return jdbc.sql("SELECT * FROM bid_view WHERE listing_id = ? AND NOT superseded ORDER BY number DESC LIMIT ?")
        .params(listingId, limit).query(AuctionViews::bid).list();
  }

  public long bidCount(String listingId) {
    return jdbc.sql("SELECT count(*) FROM bid_view WHERE listing_id = ? AND NOT superseded")
        .param(listingId).query(Long.class).single();
  }

  /** The visible high (open bids only); earlier bids win ties. */
  public Optional<BidView> high(String listingId) {
    return jdbc.sql("SELECT * FROM bid_view WHERE listing_id = ? AND NOT sealed AND NOT superseded"
            + " ORDER BY amount DESC, number ASC LIMIT 1")
        .param(listingId).query(AuctionViews::bid).optional();
  }

  public Optional<RegistrationView> awaitRegistration(String id, long version, Duration timeout) {
    return await(() -> registration(id).filter(r -> r.listingVersion() >= version), timeout);
  }

  /** The registration folded from its listing's stored events, without the read model. */
  public Optional<RegistrationView> registrationFromEvents(String listingId, String registrationId) {
    DomainEventStream stream = events.readEvents(listingId, 0);
    RegistrationView view = null;
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      view = RegistrationViewEvolution.evolve(view, registrationId, event.getPayload(), event.getSequenceNumber(),
          event.getTimestamp());
    }
    return Optional.ofNullable(view);
  }

  public Optional<BidView> awaitBid(String id, Duration timeout) {
    return await(() -> bid(id), timeout);
  }

  private static <T> Optional<T> await(Supplier<Optional<T>> read, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 2;
    while (true) {
      Optional<T> value = read.get();
      if (value.isPresent() || System.nanoTime() - deadline > 0) {
        return value;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
      pause = Math.min(pause * 2, 50);
    }
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  private static RegistrationView registration(ResultSet rs, int n) throws SQLException {
    return new RegistrationView(rs.getString("id"), rs.getString("listing_id"), rs.getString("organization_id"),
        rs.getString("bidder_code"), RegistrationStatus.valueOf(rs.getString("status")), rs.getLong("deposit"),
        rs.getString("currency"), rs.getObject("deposit_received", Long.class), rs.getString("bank_reference"),
        rs.getString("deposit_status"), rs.getString("refusal_reason"), instant(rs.getTimestamp("registered_at")),
        instant(rs.getTimestamp("qualified_at")), rs.getLong("listing_version"));
  }

  private static BidView bid(ResultSet rs, int n) throws SQLException {
    return new BidView(rs.getString("id"), rs.getString("listing_id"), rs.getLong("number"),
        rs.getString("registration_id"), rs.getString("organization_id"), rs.getString("bidder_code"),
        rs.getLong("amount"), rs.getString("currency"), instant(rs.getTimestamp("placed_at")), rs.getBoolean("sealed"),
        instant(rs.getTimestamp("extended_to")), rs.getLong("listing_version"));
  }
}
