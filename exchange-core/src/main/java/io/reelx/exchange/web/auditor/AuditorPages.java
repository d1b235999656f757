package io.reelx.exchange.web.auditor;

import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.BiddingOpened;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.web.PageController;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit pages read the event store as the API's audit trail does (operators and auditors
 * only): nothing here can change anything, and every page is a GET.
 */
@PageController
public class AuditorPages {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** One event of a timeline: its number, type, server time, who, and its fields. */
  public record Entry(long sequence, String type, Instant at, String userId, Map<String, Object> fields) {}

  /** One step of an auction's replay. */
  public record Step(long sequence, Instant at, String kind, String bidderCode, Long amount, String currency,
      Instant closesAt) {}

  private final Access access;
  private final EventStore events;
  private final JsonMapper json;

  public AuditorPages(Access access, EventStore events, JsonMapper json) {
    this.access = access;
    this.events = events;
    this.json = json;
  }

  @GetMapping("/audit")
  public String timeline(@RequestParam(name = "id", required = false) String id, Model model) {
    access.require(Role.OPERATOR, Role.AUDITOR);
    model.addAttribute("id", id == null ? "" : id.strip());
    if (id == null || id.isBlank()) {
      model.addAttribute("entries", List.of());
      return "auditor/timeline";
    }
    List<Entry> entries = new ArrayList<>();
    DomainEventStream stream = events.readEvents(id.strip(), 0);
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      Object user = event.getMetaData().get("userId");
      entries.add(new Entry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
          user == null ? null : user.toString(), new TreeMap<>(json.convertValue(event.getPayload(), MAP))));
    }
    if (entries.isEmpty()) {
      throw new NotFound("aggregate", id);
    }
    model.addAttribute("entries", entries);
    model.addAttribute("auction", entries.stream().anyMatch(e -> e.type().equals("BiddingOpened")));
    return "auditor/timeline";
  }

  @GetMapping("/audit/replay/{listingId}")
  public String replay(@PathVariable String listingId, Model model) {
    access.require(Role.OPERATOR, Role.AUDITOR);
    List<Step> steps = new ArrayList<>();
    DomainEventStream stream = events.readEvents(listingId, 0);
    boolean any = false;
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      any = true;
      Object p = event.getPayload();
      long seq = event.getSequenceNumber();
      if (p instanceof BiddingOpened o) {
        steps.add(new Step(seq, o.openedAt(), "OPENED", null, null, null, o.closesAt()));
      } else if (p instanceof TimedPeriodStarted t) {
        steps.add(new Step(seq, event.getTimestamp(), "COUNTDOWN", null, null, null, t.closesAt()));
      } else if (p instanceof BidPlaced b) {
        steps.add(new Step(seq, b.placedAt(), b.extendedTo() == null ? "BID" : "BID_RESTART", b.bidderCode(),
            b.amount(), b.currency(), b.extendedTo()));
      } else if (p instanceof ListingAwarded a) {
        steps.add(new Step(seq, a.closedAt(), "AWARDED", a.bidderCode(), a.price(), a.currency(), null));
      } else if (p instanceof ListingFailed f) {
        steps.add(new Step(seq, f.closedAt(), "FAILED", null, null, null, null));
      }
    }
    if (!any) {
      throw new NotFound("listing", listingId);
    }
    model.addAttribute("listingId", listingId);
    model.addAttribute("steps", steps);
    return "auditor/replay";
  }
}
