package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.RegistrationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
  private final VersionNotifier notifier;

  public AuctionViews(JdbcClient jdbc, EventStore events, VersionNotifier notifier) {
    this.jdbc = jdbc;
    this.events = events;
    this.notifier = notifier;
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
    reachedOnCommit(r.id(), r.listingVersion());
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

  /**
   * The registration once its view reflects {@code version} (the command's result), woken by the
   * projection's commit ({@link VersionNotifier}); empty if it is still behind after {@code timeout}.
   */
  public Optional<RegistrationView> awaitRegistration(String id, long version, Duration timeout) {
    return notifier.await(VersionNotifier.registration(id), version, timeout, () -> registration(id),
        r -> r.listingVersion() >= version).filter(r -> r.listingVersion() >= version);
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

  /**
   * The bid, once in the book. The bid book is written in the transaction that stores the bid, so
   * an acknowledged bid is normally there at once; a reader that is ahead of that commit is woken
   * by it ({@link VersionNotifier}).
   */
  public Optional<BidView> awaitBid(String id, Duration timeout) {
    return notifier.await(VersionNotifier.bid(id), 0, timeout, () -> bid(id), b -> true);
  }

  /** The registration's view reflects {@code version} once this projection's transaction commits. */
  void reachedOnCommit(String registrationId, long version) {
    notifier.reachedOnCommit(VersionNotifier.registration(registrationId), version);
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
