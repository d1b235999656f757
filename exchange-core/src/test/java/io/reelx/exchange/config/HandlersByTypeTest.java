package io.reelx.exchange.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

class HandlersByTypeTest {

  record Placed(String id) {}

  record Opened(String id) {}

  record Unknown(String id) {}

  /** Every handler call, in order: "handler:payload". */
  private final List<String> calls = new ArrayList<>();

  class Book {
    @EventHandler
    void on(Placed e, @SequenceNumber long seq) {
      calls.add("book:" + e.id() + "#" + seq);
    }
  }

  class Feed {
    @EventHandler
    void on(Placed e) {
      calls.add("feed:" + e.id());
    }

    @EventHandler
    void on(Opened e) {
      calls.add("feed:" + e.id());
    }
  }

  class Failing {
    @EventHandler
    void on(Opened e) {
      throw new IllegalStateException("cannot store " + e.id());
    }
  }

  private EventHandlerInvoker group(Object... handlers) {
    return HandlersByType.wrap(new MultiEventHandlerInvoker(
        SimpleEventHandlerInvoker.builder().eventHandlers(handlers).build()));
  }

  private static EventMessage<?> domain(Object payload, long seq) {
    return new GenericDomainEventMessage<>("Listing", "l-1", seq, payload);
  }

  @Test
  void each_event_goes_to_the_handlers_of_its_type_in_the_groups_order() throws Exception {
    EventHandlerInvoker invoker = group(new Book(), new Feed());

    for (EventMessage<?> e : List.of(domain(new Placed("a"), 3), domain(new Opened("b"), 4),
        domain(new Placed("c"), 5))) {
      assertThat(invoker.canHandle(e, Segment.ROOT_SEGMENT)).isTrue();
      invoker.handle(e, Segment.ROOT_SEGMENT);
    }

    assertThat(calls).containsExactly("book:a#3", "feed:a", "feed:b", "book:c#5", "feed:c");
  }

  @Test
  void an_event_no_handler_takes_is_not_handled() throws Exception {
    EventHandlerInvoker invoker = group(new Book(), new Feed());

    assertThat(invoker.canHandle(domain(new Unknown("x"), 1), Segment.ROOT_SEGMENT)).isFalse();
    invoker.handle(domain(new Unknown("x"), 1), Segment.ROOT_SEGMENT);
    assertThat(calls).isEmpty();
  }

  @Test
  void a_handler_that_needs_a_sequence_number_is_skipped_for_an_event_without_one_only() throws Exception {
    EventHandlerInvoker invoker = group(new Book(), new Feed());

    invoker.handle(GenericEventMessage.asEventMessage(new Placed("a")), Segment.ROOT_SEGMENT);
    invoker.handle(domain(new Placed("b"), 1), Segment.ROOT_SEGMENT);
    invoker.handle(GenericEventMessage.asEventMessage(new Placed("c")), Segment.ROOT_SEGMENT);

    assertThat(calls).containsExactly("feed:a", "book:b#1", "feed:b", "feed:c");
  }

  @Test
  void a_handlers_failure_goes_to_the_groups_error_handler() {
    EventHandlerInvoker invoker = HandlersByType.wrap(SimpleEventHandlerInvoker.builder()
        .eventHandlers(new Feed(), new Failing())
        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
        .build());

    assertThatThrownBy(() -> invoker.handle(domain(new Opened("b"), 1), Segment.ROOT_SEGMENT))
        .hasMessage("cannot store b");
    assertThat(calls).containsExactly("feed:b");
  }

  @Test
  void a_group_with_anything_but_plain_handlers_keeps_axons_invoker() {
    EventHandlerInvoker other = new EventHandlerInvoker() {
      @Override
      public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return true;
      }

      @Override
      public void handle(EventMessage<?> message, Segment segment) {}
    };
    MultiEventHandlerInvoker mixed = new MultiEventHandlerInvoker(
        SimpleEventHandlerInvoker.builder().eventHandlers(new Feed()).build(), other);

    assertThat(HandlersByType.wrap(mixed)).isSameAs(mixed);
  }
}
