package io.reelx.exchange.listing.query;

import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.query.RightsRegister.Page;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the listing read model. */
@Repository
public class ListingViews {

  /**
   * A listing row's version counting the bids the view skips: the bid book has each bid, with its
   * sequence number, from the transaction that stores it (one step down the unique bid index).
   */
  private static final String VERSION_WITH_BIDS = "GREATEST(v.version, COALESCE((SELECT b.listing_version"
      + " FROM bid_view b WHERE b.listing_id = v.id ORDER BY b.number DESC LIMIT 1), 0))";

  /** About 10 MB of listing ids; past it, listings are read as before. */
  private static final int MAX_REMEMBERED = 100_000;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  private final EventStore events;
  private final VersionNotifier notifier;
  /**
   * Listings this node has read as published. A listing never stops being published, so an id
   * here stays true for good: a bid on it needs no read to know the bidder may see it.
   */
  private final Set<String> published = ConcurrentHashMap.newKeySet();

  public ListingViews(JdbcClient jdbc, JsonMapper json, EventStore events, VersionNotifier notifier) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
    this.notifier = notifier;
  }

  /**
   * Stores the view. {@code closesAtVersion}: the sequence number of the event that set the view's
   * closing time (0 if this event did not move it); a closing time written since from a later event
   * (a bid that restarted the countdown, see {@link BidBook}) is kept.
   */
  void save(ListingView view, long closesAtVersion) {
    jdbc.sql("INSERT INTO listing_view (id, title_id, title_name, holder_org_id, status, territories, media,"
            + " document, published, version, created_at, updated_at, closes_at, closes_at_version)"
            + " VALUES (?,?,?,?,?,?::text[],?::text[],?::jsonb,?,?,?,?,?,?)"
            + " ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, document = EXCLUDED.document,"
            + " published = EXCLUDED.published, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,"
            + " closes_at = CASE WHEN EXCLUDED.closes_at_version > listing_view.closes_at_version"
            + " THEN EXCLUDED.closes_at ELSE listing_view.closes_at END,"
            + " closes_at_version = GREATEST(EXCLUDED.closes_at_version, listing_view.closes_at_version)")
        .params(view.id(), view.titleId(), view.titleName(), view.holderOrganizationId(), view.status().name(),
            "{" + String.join(",", view.window().territories()) + "}",
            "{" + String.join(",", view.window().media()) + "}",
            json.writeValueAsString(view), view.published(), view.version(), Timestamp.from(view.createdAt()),
            Timestamp.from(view.updatedAt()), view.closesAt() == null ? null : Timestamp.from(view.closesAt()),
            closesAtVersion)
        .update();
    reachedOnCommit(view.id(), view.version());
  }

  /**
   * The countdown as the bids after {@code version} left it: the latest of them restarted it (every
   * bid in the timed period does). For a projection that moves the closing time while the bid book
   * already holds later bids (a lagging or rebuilt view).
   */
  void restartedByLaterBids(String id, long version) {
    jdbc.sql("UPDATE listing_view v SET closes_at = b.extended_to, closes_at_version = b.listing_version"
            + " FROM (SELECT extended_to, listing_version FROM bid_view WHERE listing_id = ? AND listing_version > ?"
            + " AND extended_to IS NOT NULL ORDER BY number DESC LIMIT 1) b"
            + " WHERE v.id = ? AND v.closes_at_version < b.listing_version")
        .params(id, version, id).update();
  }

  /** Marks the document as reflecting events up to {@code version} (nothing in it changed). */
  void touch(String id, long version) {
    jdbc.sql("UPDATE listing_view SET version = ? WHERE id = ? AND version < ?").params(version, id, version).update();
    reachedOnCommit(id, version);
  }

  /**
   * The listing's version as clients see it (its ETag): the latest sequence number of its event
   * stream, always current, whether or not the event changed the document.
   */
  public long currentVersion(String id) {
    return events.lastSequenceNumberFor(id).orElse(0L);
  }

  /** The listing's view folded from its stored events, without the read model. */
  public Optional<ListingView> fromEvents(String id) {
    DomainEventStream stream = events.readEvents(id, 0);
    ListingView view = null;
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      view = ListingViewEvolution.evolve(view, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
    }
    return Optional.ofNullable(view);
  }

  void deleteAll() {
    jdbc.sql("DELETE FROM listing_view").update();
  }

  /**
   * The listing as last projected, with its current closing time; its {@code version} is the
   * last event it reflects, bids included (the view itself skips bids, which change nothing in it
   * but the closing time).
   */
  public Optional<ListingView> find(String id) {
    return jdbc.sql("SELECT v.document, " + VERSION_WITH_BIDS + ", v.closes_at FROM listing_view v WHERE v.id = ?")
        .param(id)
        .query((rs, n) -> read(rs.getString(1), rs.getLong(2), rs.getTimestamp(3))).optional();
  }

  /**
   * Whether the listing is known to be published, so visible to everyone: from memory once this
   * node has read it published, otherwise read (and remembered when it is).
   */
  public boolean published(String id) {
    return published.contains(id) || find(id).map(ListingView::published).orElse(false);
  }

  /** The listing as this projection left it: its {@code version} is the last event it handled. */
  Optional<ListingView> projected(String id) {
    return jdbc.sql("SELECT v.document, v.version, v.closes_at FROM listing_view v WHERE v.id = ?")
        .param(id)
        .query((rs, n) -> read(rs.getString(1), rs.getLong(2), rs.getTimestamp(3))).optional();
  }

  /**
   * The listing once the read model has caught up with {@code version}: gives the writer of a
   * change read-your-writes on an eventually consistent model, woken by the projection's commit
   * ({@link VersionNotifier}), not by polling. A read model that is still behind after {@code
   * timeout} (slow, stuck on an event it parked, or projecting on another node) is not the writer's
   * problem: the answer is folded from the listing's stored events instead.
   */
  public Optional<ListingView> awaitVersion(String id, long version, Duration timeout) {
    Optional<ListingView> view = notifier.await(VersionNotifier.listing(id), version, timeout, () -> find(id),
        v -> v.version() >= version);
    return view.isPresent() && view.get().version() >= version ? view : fromEvents(id).or(() -> view);
  }

  /** The listing's view reflects {@code version} once this projection's transaction commits. */
  void reachedOnCommit(String id, long version) {
    notifier.reachedOnCommit(VersionNotifier.listing(id), version);
  }

  /** Listings visible to a viewer: published ones, its own organisation's, or all for overseers. */
  public Page<ListingView> search(ListingSearch search, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE (v.published OR v.holder_org_id = ? OR ?)");
    List<Object> params = new ArrayList<>(List.of(search.viewerOrganizationId(), search.viewerSeesAll()));
    if (search.status() != null) {
      where.append(" AND v.status = ?");
      params.add(search.status().name());
    }
    String order = " ORDER BY v.created_at DESC, v.id";
    if (search.anyStatus() != null && !search.anyStatus().isEmpty()) {
      String statuses = "{" + String.join(",", search.anyStatus().stream().map(Enum::name).toList()) + "}";
      where.append(" AND v.status = ANY (?::text[])");
      params.add(statuses);
      // in the order the statuses were asked for, each newest first
      order = " ORDER BY array_position('" + statuses + "'::text[], v.status), v.created_at DESC, v.id";
    }
    if (search.titleId() != null) {
      where.append(" AND v.title_id = ?");
      params.add(search.titleId());
    }
    if (search.territory() != null) {
      where.append(" AND v.territories @> ARRAY[?]::text[]");
      params.add(search.territory());
    }
    if (search.media() != null) {
      where.append(" AND v.media && ?::text[]");
      params.add("{" + String.join(",", search.media().leaves().stream().map(Enum::name).toList()) + "}");
    }
    long total = jdbc.sql("SELECT count(*) FROM listing_view v" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<ListingView> items = jdbc.sql("SELECT v.document, " + VERSION_WITH_BIDS + ", v.closes_at FROM listing_view v"
            + where + order + " LIMIT ? OFFSET ?")
        .params(pageParams)
        .query((rs, n) -> read(rs.getString(1), rs.getLong(2), rs.getTimestamp(3))).list();
    return new Page<>(items, page, size, total);
  }

  private ListingView read(String document, long version, Timestamp closesAt) {
    ListingView view = json.readValue(document, ListingView.class).atVersion(version)
        .closing(closesAt == null ? null : closesAt.toInstant());
    if (view.published() && published.size() < MAX_REMEMBERED) {
      published.add(view.id());
    }
    return view;
  }

  /**
   * What to look for: a listing in {@code status}, or (when {@code anyStatus} is given) in any of
   * those, listed in that order of status.
   */
  public record ListingSearch(
      String viewerOrganizationId, boolean viewerSeesAll, ListingStatus status, String titleId,
      String territory, Media media, List<ListingStatus> anyStatus) {

    public ListingSearch(String viewerOrganizationId, boolean viewerSeesAll, ListingStatus status, String titleId,
        String territory, Media media) {
      this(viewerOrganizationId, viewerSeesAll, status, titleId, territory, media, null);
    }
  }
}
