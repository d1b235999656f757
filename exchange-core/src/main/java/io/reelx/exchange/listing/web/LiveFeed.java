package io.reelx.exchange.listing.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.model.Bid;
import io.reelx.exchange.listing.domain.BidPlaced;
import io.reelx.exchange.listing.domain.BiddingOpened;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingEvent;
import io.reelx.exchange.listing.domain.ListingFailed;
import io.reelx.exchange.listing.domain.ListingResumed;
import io.reelx.exchange.listing.domain.ListingStatus;
import io.reelx.exchange.listing.domain.ListingSuspended;
import io.reelx.exchange.listing.domain.ListingWithdrawn;
import io.reelx.exchange.listing.domain.TimedPeriodStarted;
import io.reelx.exchange.listing.query.ListingGroups;
import io.reelx.exchange.listing.query.ListingView;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a listing's bids, countdown restarts, status changes and close to the server-sent-event
 * streams open on this node, once the change is committed.
 *
 * <p>Each watcher is sent what the order book shows it: its own bids marked {@code mine}, and no
 * sealed bid of anyone else. The events of one commit are sent together, in the order of their
 * sequence numbers in the listing's stream (Axon runs after-commit callbacks last-registered
 * first, so one callback per handled event would send a commit's events backwards). A stream ends
 * after its {@code closed} event, and at once when it opens on a listing that is already over;
 * every open stream is ended when the application stops, before the web server waits for open
 * requests to finish.
 *
 * <p>Fan-out (one hot auction can have a thousand watchers): the committing thread only hands the
 * commit's events to this node's fan-out thread, so no bid waits for the streams. That thread
 * waits a moment after a commit arrives ({@code reelx.live.batch-window}, 40 ms by default), takes
 * every commit waiting for it then, renders each event once per watching organisation
 * (the text of the SSE event, JSON as the API writes it) and writes each stream what it sees in
 * one write. At 100 bids a second a stream gets a write every 40 ms or so rather than one per
 * bid: the writes (a system call each, and the work of the network stack) are what a thousand
 * streams cost, so that window divides the cost of a busy auction by the bids it gathers.
 *
 * <p>The fan-out thread does not write: it queues each stream's text in the stream's own bounded
 * queue ({@code reelx.live.queue-limit} writes, 256 by default) and a small pool of writers
 * ({@code reelx.live.writers}, 8 by default) drains the queues, each stream by one writer at a
 * time, everything waiting for it in one write. A slow client holds up its own stream only (and,
 * while its write blocks, one writer): its queue grows, and when it is full the stream is
 * dropped. A stream that cannot be written is dropped too; the client reconnects and gets the
 * current status first.
 */
@Component
@ProcessingGroup(ListingGroups.LIVE)
public class LiveFeed implements SmartLifecycle {

  private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;
  private static final String OUTBOX = LiveFeed.class.getName() + ".outbox";
  /** How many closed listings are remembered, so that a stream opened just after the close still ends. */
  private static final int CLOSED_REMEMBERED = 1_000;

  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Deque<String> closedOrder = new ArrayDeque<>();
  private final JsonMapper json;
  /** Commits waiting for the fan-out thread, each a list of deliveries. */
  private final BlockingQueue<List<Delivery>> committed = new LinkedBlockingQueue<>();
  private volatile boolean stopped;

  /** How long the fan-out thread gathers commits after the first before it writes (see the class comment). */
  private final long windowNanos;
  /** Writes waiting for one stream beyond which it is dropped (its client reconnects). */
  private final int queueLimit;
  /** The threads that write the streams; the fan-out thread only renders and queues. */
  private final ExecutorService writers;
  private final Supplier<SseEmitter> emitters;

  @org.springframework.beans.factory.annotation.Autowired
  public LiveFeed(JsonMapper json, org.springframework.core.env.Environment env) {
    this(json, env, () -> new SseEmitter(STREAM_TIMEOUT_MS));
  }

  /** {@code emitters}: where a new stream's emitter comes from (tests give their own). */
  LiveFeed(JsonMapper json, org.springframework.core.env.Environment env, Supplier<SseEmitter> emitters) {
    this.json = json;
    this.emitters = emitters;
    this.windowNanos = env.getProperty("reelx.live.batch-window", java.time.Duration.class,
        java.time.Duration.ofMillis(40)).toNanos();
    this.queueLimit = env.getProperty("reelx.live.queue-limit", Integer.class, 256);
    int writerThreads = env.getProperty("reelx.live.writers", Integer.class, 8);
    AtomicInteger writerNumber = new AtomicInteger();
    // idle writers end after a while: a quiet node (or a stopped context in a test JVM) keeps none
    ThreadPoolExecutor pool = new ThreadPoolExecutor(writerThreads, writerThreads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "live-feed-writer-" + writerNumber.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.writers = pool;
    Thread fanOut = new Thread(this::fanOut, "live-feed-fan-out");
    fanOut.setDaemon(true);
    fanOut.start();
  }

  /**
   * One open stream, the organisation that watches it (it sees its own sealed bids), and the text
   * waiting to be written to it: a bounded queue drained by one writer at a time, so a slow stream
   * holds up only itself.
   */
  private static final class Subscriber {
    final SseEmitter emitter;
    final String organizationId;
    /** Guarded by this: texts waiting, whether a writer is draining them, whether the last is queued. */
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private boolean draining;
    private boolean completing;
    private boolean gone;

    Subscriber(SseEmitter emitter, String organizationId) {
      this.emitter = emitter;
      this.organizationId = organizationId;
    }

    SseEmitter emitter() {
      return emitter;
    }

    String organizationId() {
      return organizationId;
    }
  }

  /**
   * One event to send: its position in the listing's stream, and its data for each watching
   * organisation ({@code null}: not sent to that organisation). {@code ends}: the last event.
   */
  private record Delivery(String listingId, long sequence, String name, Function<String, Object> dataFor,
      boolean ends) {}

  /** The open streams of one listing; {@code closing} is the listing's close once it has been sent. */
  private static final class Channel {
    final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    Delivery closing;
  }

  /**
   * Opens a stream; its first event is the listing's current status, so the client knows it is
   * live. On a listing that is over the stream ends after that (and after its {@code closed} event).
   */
  public SseEmitter open(ListingView listing, String organizationId) {
    SseEmitter emitter = emitters.get();
    Subscriber subscriber = new Subscriber(emitter, organizationId);
    String listingId = listing.id();
    Runnable remove = () -> leave(listingId, subscriber);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    // Sent before the emitter is handed to Spring MVC: buffered, never blocks.
    send(subscriber, "status", Map.of("status", listing.status().name()));
    Delivery[] closing = new Delivery[1];
    channels.compute(listingId, (id, channel) -> {
      Channel c = channel == null ? new Channel() : channel;
      if (c.closing == null && !stopped && !over(listing.status())) {
        c.subscribers.add(subscriber);
      } else {
        closing[0] = c.closing;
      }
      return c.closing == null && c.subscribers.isEmpty() ? null : c;
    });
    if (closing[0] != null || stopped || over(listing.status())) {
      if (closing[0] != null) {
        send(subscriber, closing[0].name(), closing[0].dataFor().apply(organizationId));
      } else if (listing.result() != null) {
        send(subscriber, "closed", closed(listing));
      }
      emitter.complete();
    }
    return emitter;
  }

  private static boolean over(ListingStatus status) {
    return status == ListingStatus.AWARDED || status == ListingStatus.FAILED || status == ListingStatus.WITHDRAWN;
  }

  private static Map<String, Object> closed(ListingView listing) {
    ListingView.Result r = listing.result();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("outcome", r.awarded() ? "AWARDED" : "FAILED");
    if (r.awarded()) {
      data.put("winnerBidderCode", r.winnerBidderCode());
      data.put("price", r.price());
    } else {
      data.put("failureReason", r.failureReason());
    }
    data.put("currency", listing.sale().currency());
    data.put("closedAt", utc(r.closedAt()));
    return data;
  }

  private void leave(String listingId, Subscriber subscriber) {
    channels.computeIfPresent(listingId, (id, c) -> {
      c.subscribers.remove(subscriber);
      return c.closing == null && c.subscribers.isEmpty() ? null : c;
    });
  }

  // ------------------------------------------------------------------ lifecycle

  /** Streams are accepted from the moment the web server is up; this only undoes a {@link #stop()}. */
  @Override
  public void start() {
    stopped = false;
  }

  /**
   * Ends every open stream and accepts no more. Runs in the first phase of a stop, before the web
   * server's graceful shutdown, which would otherwise wait out its grace period on open streams.
   */
  @Override
  public void stop() {
    stopped = true;
    channels.values().forEach(c -> c.subscribers.forEach(s -> s.emitter().complete()));
  }

  @Override
  public boolean isRunning() {
    return !stopped;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }

  // ------------------------------------------------------------------ events

  @EventHandler
  void on(BidPlaced e, @SequenceNumber long seq) {
    push(e, seq, "bid", viewer -> {
      boolean mine = e.organizationId().equals(viewer);
      if (!ListingAccess.bidVisible(e.sealed(), e.organizationId(), viewer)) {
        return null;
      }
      return new Bid(e.bidId(), e.listingId().value(), e.bidderCode(), e.amount(), e.currency(),
          utc(e.placedAt()), mine, e.sealed()).extendedTo(utc(e.extendedTo()));
    });
    if (e.sealed()) {
      // the others learn only that there is one more sealed bid: no amount, no bidder
      push(e, seq, "sealed-bid", viewer -> ListingAccess.bidVisible(true, e.organizationId(), viewer) ? null
          : Map.of("listingId", e.listingId().value()));
    }
    if (e.extendedTo() != null && !e.sealed()) {
      push(e, seq, "countdown", Map.of("closesAt", utc(e.extendedTo())));
    }
  }

  @EventHandler
  void on(TimedPeriodStarted e, @SequenceNumber long seq) {
    push(e, seq, "countdown", Map.of("closesAt", utc(e.closesAt())));
    push(e, seq, "status", Map.of("status", "COUNTDOWN"));
  }

  @EventHandler
  void on(BiddingOpened e, @SequenceNumber long seq) {
    push(e, seq, "status", Map.of("status", "BIDDING", "closesAt", utc(e.closesAt())));
  }

  @EventHandler
  void on(ListingSuspended e, @SequenceNumber long seq) {
    push(e, seq, "status", Map.of("status", "SUSPENDED"));
  }

  @EventHandler
  void on(ListingResumed e, @SequenceNumber long seq) {
    push(e, seq, "status", Map.of("status", e.resumedTo().name()));
  }

  /** A withdrawn listing has nothing more to tell: its stream ends with the status. */
  @EventHandler
  void on(ListingWithdrawn e, @SequenceNumber long seq) {
    schedule(new Delivery(e.listingId().value(), seq, "status", viewer -> Map.of("status", "WITHDRAWN"), true));
  }

  @EventHandler
  void on(ListingAwarded e, @SequenceNumber long seq) {
    Map<String, Object> data = Map.of("outcome", "AWARDED", "winnerBidderCode", e.bidderCode(), "price", e.price(),
        "currency", e.currency(), "closedAt", utc(e.closedAt()));
    schedule(new Delivery(e.listingId().value(), seq, "closed", viewer -> data, true));
  }

  @EventHandler
  void on(ListingFailed e, @SequenceNumber long seq) {
    Map<String, Object> data = Map.of("outcome", "FAILED", "failureReason", e.reason().name(),
        "closedAt", utc(e.closedAt()));
    schedule(new Delivery(e.listingId().value(), seq, "closed", viewer -> data, true));
  }

  private void push(ListingEvent event, long seq, String name, Object data) {
    push(event, seq, name, viewer -> data);
  }

  private void push(ListingEvent event, long seq, String name, Function<String, Object> dataFor) {
    schedule(new Delivery(event.listingId().value(), seq, name, dataFor, false));
  }

  /**
   * Sends once the commit that stored the event is done: every event of that commit (the
   * outermost unit of work, whatever batches the processor split it into) in one callback, in the
   * order of the listing's stream.
   */
  private void schedule(Delivery delivery) {
    if (!CurrentUnitOfWork.isStarted()) {
      committed.add(List.of(delivery));
      return;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    List<Delivery> outbox = root.getOrComputeResource(OUTBOX, key -> {
      List<Delivery> deliveries = new ArrayList<>();
      root.afterCommit(u -> committed.add(deliveries));
      return deliveries;
    });
    outbox.add(delivery);
  }

  /** The fan-out thread: takes every commit waiting, and delivers them together. */
  private void fanOut() {
    List<List<Delivery>> commits = new ArrayList<>();
    while (true) {
      try {
        commits.add(committed.take());
        if (windowNanos > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(windowNanos);
        }
        committed.drainTo(commits);
        List<Delivery> deliveries = new ArrayList<>();
        commits.forEach(deliveries::addAll);
        commits.clear();
        deliver(deliveries);
      } catch (InterruptedException stop) {
        return;
      } catch (RuntimeException e) {
        // a delivery that failed must not end the fan-out for the others
        commits.clear();
      }
    }
  }

  /**
   * Delivers the events of several commits in commit order: per listing, in the order of its
   * stream.
   */
  private void deliver(List<Delivery> deliveries) {
    Map<String, List<Delivery>> byListing = new LinkedHashMap<>();
    deliveries.forEach(d -> byListing.computeIfAbsent(d.listingId(), k -> new ArrayList<>()).add(d));
    byListing.forEach((listingId, list) -> {
      // Stable: the events one event gave rise to keep the order their handler pushed them in.
      list.sort(Comparator.comparingLong(Delivery::sequence));
      deliver(listingId, list);
    });
  }

  private void deliver(String listingId, List<Delivery> deliveries) {
    Channel channel = channels.get(listingId);
    if (channel == null || channel.subscribers.isEmpty()) {
      deliveries.stream().filter(Delivery::ends).findFirst().ifPresent(d -> end(listingId, d));
      return;
    }
    List<Delivery> sent = new ArrayList<>();
    Delivery last = null;
    for (Delivery d : deliveries) {
      if (d.ends()) {
        last = d;
        break;
      }
      sent.add(d);
    }
    // what each watching organisation is sent, rendered once for all its streams
    Map<String, byte[]> texts = new HashMap<>();
    for (Subscriber s : channel.subscribers) {
      byte[] text = texts.computeIfAbsent(s.organizationId(), org -> render(sent, org));
      if (text.length > 0) {
        enqueue(listingId, s, text, false);
      }
    }
    if (last != null) {
      end(listingId, last);
    }
  }

  /** The SSE text of {@code deliveries} as {@code organizationId} sees them (as {@link SseEmitter} writes an event). */
  private byte[] render(List<Delivery> deliveries, String organizationId) {
    StringBuilder text = new StringBuilder();
    for (Delivery d : deliveries) {
      Object data = d.dataFor().apply(organizationId);
      if (data != null) {
        text.append("event:").append(d.name()).append("\ndata:").append(json.writeValueAsString(data)).append("\n\n");
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Queues text for a stream and makes sure a writer drains it; {@code last}: the stream ends
   * after it. A stream whose queue is full (its client reads slower than the auction bids) is
   * dropped: its client reconnects and gets the current status first.
   */
  private void enqueue(String listingId, Subscriber s, byte[] text, boolean last) {
    boolean startWriter;
    boolean drop = false;
    synchronized (s) {
      if (s.gone || s.completing) {
        return;
      }
      if (s.pending.size() >= queueLimit) {
        s.gone = true;
        s.pending.clear();
        drop = true;
      } else {
        s.pending.add(text);
        s.completing = last;
      }
      startWriter = !drop && !s.draining;
      s.draining |= startWriter;
    }
    if (drop) {
      leave(listingId, s);
      complete(s);
    } else if (startWriter) {
      writers.execute(() -> drain(listingId, s));
    }
  }

  /** A writer: writes everything queued for the stream in one write, until nothing is left. */
  private void drain(String listingId, Subscriber s) {
    while (true) {
      byte[] text;
      boolean last;
      synchronized (s) {
        if (s.gone || s.pending.isEmpty()) {
          s.draining = false;
          return;
        }
        text = concat(s.pending);
        s.pending.clear();
        last = s.completing;
      }
      if (text.length > 0 && !sendText(s, text)) {
        synchronized (s) {
          s.gone = true;
          s.pending.clear();
          s.draining = false;
        }
        leave(listingId, s);
        return;
      }
      if (last) {
        synchronized (s) {
          s.gone = true;
          s.draining = false;
        }
        complete(s);
        return;
      }
    }
  }

  private static byte[] concat(ArrayDeque<byte[]> texts) {
    if (texts.size() == 1) {
      return texts.peek();
    }
    int length = 0;
    for (byte[] t : texts) {
      length += t.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] t : texts) {
      System.arraycopy(t, 0, all, at, t.length);
      at += t.length;
    }
    return all;
  }

  private static void complete(Subscriber s) {
    try {
      s.emitter().complete();
    } catch (RuntimeException alreadyOver) {
      // the stream ended meanwhile
    }
  }

  /** One write of ready SSE text, with one flush. */
  private static boolean sendText(Subscriber subscriber, byte[] text) {
    try {
      subscriber.emitter().send(new Rendered(text));
      return true;
    } catch (IOException | IllegalStateException gone) {
      return false;
    }
  }

  /** Events already rendered as SSE text: sent as they are, in one part. */
  private record Rendered(byte[] text) implements SseEmitter.SseEventBuilder {
    @Override
    public Set<ResponseBodyEmitter.DataWithMediaType> build() {
      return Set.of(new ResponseBodyEmitter.DataWithMediaType(new SseText(text), MediaType.TEXT_EVENT_STREAM));
    }

    @Override
    public SseEmitter.SseEventBuilder id(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SseEmitter.SseEventBuilder name(String eventName) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SseEmitter.SseEventBuilder reconnectTime(long reconnectTimeMillis) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SseEmitter.SseEventBuilder comment(String comment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SseEmitter.SseEventBuilder data(Object object) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SseEmitter.SseEventBuilder data(Object object, MediaType mediaType) {
      throw new UnsupportedOperationException();
    }
  }

  /** Ready SSE text (UTF-8), written as it is by {@link SseTextConverter}. */
  record SseText(byte[] bytes) {}

  /**
   * Writes {@link SseText} straight to the response body. The emitter's send looks for the first
   * converter that can write its data; Spring's byte-array converter also fills in the default
   * headers of the response on each send (a fifth of a writer's CPU at 1,000 streams, on headers
   * that were committed with the first event). This one is first in the list and writes only.
   */
  @Component
  static class SseTextConverter implements HttpMessageConverter<SseText>, WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
      converters.add(0, this);
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
      return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
      return clazz == SseText.class;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
      return List.of(MediaType.TEXT_EVENT_STREAM);
    }

    @Override
    public SseText read(Class<? extends SseText> clazz, HttpInputMessage inputMessage) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void write(SseText text, MediaType contentType, HttpOutputMessage outputMessage) throws IOException {
      outputMessage.getBody().write(text.bytes());
    }
  }

  /** Sends the last event, ends every stream of the listing and remembers the close for late openers. */
  private void end(String listingId, Delivery last) {
    List<Subscriber> ending = new ArrayList<>();
    channels.compute(listingId, (id, channel) -> {
      Channel c = channel == null ? new Channel() : channel;
      c.closing = last;
      ending.addAll(c.subscribers);
      c.subscribers.clear();
      return c;
    });
    forgetOldCloses(listingId);
    // after what is already queued for each stream, then the stream ends
    Map<String, byte[]> texts = new HashMap<>();
    ending.forEach(s -> enqueue(listingId, s,
        texts.computeIfAbsent(s.organizationId(), org -> render(List.of(last), org)), true));
  }

  private void forgetOldCloses(String listingId) {
    List<String> forgotten = new ArrayList<>();
    synchronized (closedOrder) {
      closedOrder.addLast(listingId);
      while (closedOrder.size() > CLOSED_REMEMBERED) {
        forgotten.add(closedOrder.removeFirst());
      }
    }
    forgotten.forEach(id -> channels.computeIfPresent(id, (k, c) -> c.subscribers.isEmpty() ? null : c));
  }

  private static boolean send(Subscriber subscriber, String name, Object data) {
    try {
      subscriber.emitter().send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
      return true;
    } catch (IOException | IllegalStateException gone) {
      return false;
    }
  }
}
