package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.shared.command.Registers;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.stereotype.Component;

/**
 * The bid book ({@code bid_view}), written in the transaction that stores the bids: a bid is in
 * the book the moment it is acknowledged, and the book never has to catch up by reading the bids
 * back from the event store (bids are the bulk of the stream). The rows of one commit are
 * inserted with one statement when the commit's events have all been handled; any other write to
 * the book first stores the rows collected so far, so writes keep the order of the events.
 *
 * <p>Sealed bids stay sealed in the book until the sale closes, and are revealed in the closing
 * transaction. A bid is handled exactly once, in the transaction that stores it (a subscribing
 * group is never replayed), so the rows are inserted without a conflict check: a second row for a
 * bid would be a bug, and fails the commit on the primary key rather than passing unnoticed.
 *
 * <p>A bid in the timed period restarts the countdown: the listing's closing time in {@code
 * listing_view} moves with it, in the same transaction (the listing view itself skips bids).
 */
@Component
@ProcessingGroup(Registers.GROUP)
public class BidBook {

  private static final String PENDING = BidBook.class.getName() + ".pending";

  private final JdbcTemplate jdbc;
  private final VersionNotifier notifier;

  public BidBook(JdbcTemplate jdbc, VersionNotifier notifier) {
    this.jdbc = jdbc;
    this.notifier = notifier;
  }

  @EventHandler
  void on(BidPlaced e, @SequenceNumber long seq) {
    if (e.replaces() != null) {
      flush();
      jdbc.update("UPDATE bid_view SET superseded = TRUE WHERE id = ?", e.replaces());
    }
    Row row = new Row(e, seq);
    if (CurrentUnitOfWork.isStarted()) {
      pending(CurrentUnitOfWork.get()).add(row);
    } else {
      insert(List.of(row));
    }
  }

  @EventHandler
  void on(ListingAwarded e) {
    reveal(e.listingId().value());
  }

  @EventHandler
  void on(ListingFailed e) {
    reveal(e.listingId().value());
  }

  private void reveal(String listingId) {
    flush();
    jdbc.update("UPDATE bid_view SET sealed = FALSE WHERE listing_id = ? AND sealed", listingId);
  }

  private List<Row> pending(UnitOfWork<?> batch) {
    return batch.getOrComputeResource(PENDING, key -> {
      List<Row> rows = new ArrayList<>();
      batch.onPrepareCommit(u -> store(rows));
      return rows;
    });
  }

  private void flush() {
    if (CurrentUnitOfWork.isStarted()) {
      List<Row> rows = CurrentUnitOfWork.get().getResource(PENDING);
      if (rows != null) {
        store(rows);
      }
    }
  }

  private void store(List<Row> rows) {
    insert(rows);
    rows.clear();
  }

  private void insert(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("INSERT INTO bid_view (id, listing_id, number, registration_id, organization_id, bidder_code,"
        + " amount, currency, placed_at, sealed, extended_to, listing_version)"
        // instants travel as ISO-8601 text: the driver's own timestamp binding builds a calendar per statement
        + " VALUES (?,?,?,?,?,?,?,?,CAST(? AS TIMESTAMPTZ),?,CAST(? AS TIMESTAMPTZ),?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            BidPlaced e = rows.get(i).bid();
            ps.setString(1, e.bidId());
            ps.setString(2, e.listingId().value());
            ps.setLong(3, e.number());
            ps.setString(4, e.registrationId().value());
            ps.setString(5, e.organizationId());
            ps.setString(6, e.bidderCode());
            ps.setLong(7, e.amount());
            ps.setString(8, e.currency());
            ps.setString(9, e.placedAt().toString());
            ps.setBoolean(10, e.sealed());
            ps.setString(11, e.extendedTo() == null ? null : e.extendedTo().toString());
            ps.setLong(12, rows.get(i).sequenceNumber());
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
    restartCountdowns(rows);
    notifyOnCommit(rows);
  }

  /**
   * Readers waiting for these bids, or for their listings to reach them, are woken once the
   * transaction that stores them has committed. Only on this node (no {@code pg_notify} on the
   * bidding path): the book is written in the command's own transaction, on the node whose client
   * placed the bid and waits for it.
   */
  private void notifyOnCommit(List<Row> rows) {
    List<String> bids = new ArrayList<>(rows.size());
    Map<String, Long> listings = new LinkedHashMap<>();
    for (Row row : rows) {
      bids.add(row.bid().bidId());
      listings.merge(row.bid().listingId().value(), row.sequenceNumber(), Math::max);
    }
    Runnable wake = () -> {
      bids.forEach(id -> notifier.reached(VersionNotifier.bid(id), 0));
      listings.forEach((id, version) -> notifier.reached(VersionNotifier.listing(id), version));
    };
    if (CurrentUnitOfWork.isStarted()) {
      CurrentUnitOfWork.get().afterCommit(u -> wake.run());
    } else {
      wake.run();
    }
  }

  /**
   * Moves each listing's closing time to where the latest of these bids restarted the countdown,
   * unless the listing view has already set it from a later event: one statement per listing per
   * commit, and only for bids in the timed period.
   */
  private void restartCountdowns(List<Row> rows) {
    Map<String, Row> latest = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.bid().extendedTo() != null) {
        latest.merge(row.bid().listingId().value(), row,
            (a, b) -> b.sequenceNumber() > a.sequenceNumber() ? b : a);
      }
    }
    if (latest.isEmpty()) {
      return;
    }
    List<Row> restarts = List.copyOf(latest.values());
    jdbc.batchUpdate("UPDATE listing_view SET closes_at = CAST(? AS TIMESTAMPTZ), closes_at_version = ?"
        + " WHERE id = ? AND closes_at_version < ?", new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Row row = restarts.get(i);
            ps.setString(1, row.bid().extendedTo().toString());
            ps.setLong(2, row.sequenceNumber());
            ps.setString(3, row.bid().listingId().value());
            ps.setLong(4, row.sequenceNumber());
          }

          @Override
          public int getBatchSize() {
            return restarts.size();
          }
        });
  }

  private record Row(BidPlaced bid, long sequenceNumber) {}
}
