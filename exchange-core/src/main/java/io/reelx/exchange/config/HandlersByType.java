package io.reelx.exchange.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

/**
 * A subscribing group's handlers, looked up once per kind of event instead of for every event.
 *
 * <p>For each event, Axon's invokers ask every handler of the group whether it handles it three
 * times (the processor, the multi-invoker, each handler), each time streaming over all of the
 * handler's annotated methods and asking on the way whether it supports replays. With four
 * handlers in the registers group and every bid an event, that was a fifth of a bid's command
 * time. In a subscribing group the answer depends only on the event's payload type and on whether
 * it is a domain event (for {@code @SequenceNumber} parameters): no replays, one segment, and no
 * handler here takes a required metadata value. So the handlers of each kind are found once and
 * remembered, and an event goes straight to them, in the group's order, errors reported to the
 * group's error handler as Axon does.
 *
 * <p>Only groups made of plain handlers are served this way ({@link #wrap}); anything else (a saga
 * manager) keeps Axon's invoker.
 */
final class HandlersByType implements EventHandlerInvoker {

  private record Target(EventMessageHandler handler, ListenerInvocationErrorHandler errors) {}

  private record Kind(Class<?> payloadType, boolean domainEvent) {}

  private final EventHandlerInvoker delegate;
  private final List<Target> all;
  private final Map<Kind, List<Target>> byKind = new ConcurrentHashMap<>();

  private HandlersByType(EventHandlerInvoker delegate, List<Target> all) {
    this.delegate = delegate;
    this.all = all;
  }

  /** The invoker for a subscribing group: by type when every part is a plain handler invoker. */
  static EventHandlerInvoker wrap(EventHandlerInvoker invoker) {
    List<EventHandlerInvoker> parts =
        invoker instanceof MultiEventHandlerInvoker multi ? multi.delegates() : List.of(invoker);
    List<Target> targets = new ArrayList<>();
    for (EventHandlerInvoker part : parts) {
      if (!(part instanceof SimpleEventHandlerInvoker simple)) {
        return invoker;
      }
      simple.eventHandlers().forEach(h -> targets.add(new Target(h, simple.getListenerInvocationErrorHandler())));
    }
    return new HandlersByType(invoker, List.copyOf(targets));
  }

  private List<Target> targets(EventMessage<?> event) {
    Kind kind = new Kind(event.getPayloadType(), event instanceof DomainEventMessage);
    List<Target> known = byKind.get(kind);
    if (known == null) {
      known = all.stream().filter(t -> t.handler().canHandle(event)).toList();
      byKind.putIfAbsent(kind, known);
    }
    return known;
  }

  @Override
  public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
    return !targets(eventMessage).isEmpty();
  }

  @Override
  public boolean canHandleType(Class<?> payloadType) {
    return delegate.canHandleType(payloadType);
  }

  @Override
  public void handle(EventMessage<?> message, Segment segment) throws Exception {
    for (Target target : targets(message)) {
      try {
        target.handler().handle(message);
      } catch (Exception e) {
        target.errors().onError(e, message, target.handler());
      }
    }
  }

  @Override
  public boolean supportsReset() {
    return delegate.supportsReset();
  }

  @Override
  public void performReset() {
    delegate.performReset();
  }

  @Override
  public <R> void performReset(R resetContext) {
    delegate.performReset(resetContext);
  }

  @Override
  public void segmentReleased(Segment segment) {
    delegate.segmentReleased(segment);
  }
}
