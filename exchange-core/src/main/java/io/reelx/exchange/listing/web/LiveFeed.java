package io.reelx.exchange.listing.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.exchange.config.AxonConfiguration;
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.BiddingOpened;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingEvent;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a listing's bids, countdown restarts, status changes and close to the server-sent-event
 * streams open on this node, once the change is committed. Each watcher sees {@code mine} for its
 * own bids; sealed bids are announced to others without their amounts.
 */
@Component
@ProcessingGroup(AxonConfiguration.LIVE)
public class LiveFeed {

  private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;

  private final Map<String, List<Subscriber>> streams = new ConcurrentHashMap<>();

  /** One open stream, and the organisation that watches it (it sees its own sealed bids). */
  private record Subscriber(SseEmitter emitter, String organizationId) {}

  /** Opens a stream; its first event is the listing's current status, so the client knows it is live. */
  public SseEmitter open(String listingId, String organizationId, String status) {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
    Subscriber subscriber = new Subscriber(emitter, organizationId);
    List<Subscriber> subscribers = streams.computeIfAbsent(listingId, k -> new CopyOnWriteArrayList<>());
    subscribers.add(subscriber);
    Runnable remove = () -> subscribers.remove(subscriber);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    try {
      emitter.send(SseEmitter.event().name("status").data(Map.of("status", status), MediaType.APPLICATION_JSON));
    } catch (IOException gone) {
      remove.run();
    }
    return emitter;
  }

  /** Ends every open stream, so a shutdown does not wait for them. */
  @PreDestroy
  void closeAll() {
    streams.values().forEach(list -> list.forEach(s -> s.emitter().complete()));
    streams.clear();
  }

  @EventHandler
  void on(BidPlaced e) {
    push(e, "bid", viewer -> {
      boolean mine = e.organizationId().equals(viewer);
      Map<String, Object> bid = new LinkedHashMap<>();
      bid.put("id", e.bidId());
      bid.put("listingId", e.listingId().value());
      bid.put("bidderCode", e.bidderCode());
      if (!e.sealed() || mine) {
        bid.put("amount", e.amount());
      }
      bid.put("currency", e.currency());
      bid.put("placedAt", utc(e.placedAt()));
      bid.put("mine", mine);
      bid.put("sealed", e.sealed());
      if (e.extendedTo() != null) {
        bid.put("extendedTo", utc(e.extendedTo()));
      }
      return bid;
    });
    if (e.extendedTo() != null) {
      push(e, "countdown", Map.of("closesAt", utc(e.extendedTo())));
    }
  }

  @EventHandler
  void on(TimedPeriodStarted e) {
    push(e, "countdown", Map.of("closesAt", utc(e.closesAt())));
    push(e, "status", Map.of("status", "COUNTDOWN"));
  }

  @EventHandler
  void on(BiddingOpened e) {
    push(e, "status", Map.of("status", "BIDDING", "closesAt", utc(e.closesAt())));
  }

  @EventHandler
  void on(ListingSuspended e) {
    push(e, "status", Map.of("status", "SUSPENDED"));
  }

  @EventHandler
  void on(ListingResumed e) {
    push(e, "status", Map.of("status", e.resumedTo().name()));
  }

  @EventHandler
  void on(ListingAwarded e) {
    push(e, "closed", Map.of("outcome", "AWARDED", "winnerBidderCode", e.bidderCode(), "price", e.price(),
        "currency", e.currency(), "closedAt", utc(e.closedAt())));
  }

  @EventHandler
  void on(ListingFailed e) {
    push(e, "closed", Map.of("outcome", "FAILED", "failureReason", e.reason().name(), "closedAt", utc(e.closedAt())));
  }

  private void push(ListingEvent event, String name, Object data) {
    push(event, name, viewer -> data);
  }

  private void push(ListingEvent event, String name, Function<String, Object> dataFor) {
    List<Subscriber> subscribers = streams.get(event.listingId().value());
    if (subscribers == null || subscribers.isEmpty()) {
      return;
    }
    Runnable send = () -> subscribers.forEach(subscriber -> {
      try {
        subscriber.emitter().send(SseEmitter.event().name(name)
            .data(dataFor.apply(subscriber.organizationId()), MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException gone) {
        subscribers.remove(subscriber);
      }
    });
    if (CurrentUnitOfWork.isStarted()) {
      CurrentUnitOfWork.get().afterCommit(u -> send.run());
    } else {
      send.run();
    }
  }
}
