package io.reelx.exchange.config;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets a tracking group dead-letter one event and go on with the rest of its batch. PostgreSQL
 * aborts the whole transaction when one statement fails, so the dead-letter queue could not record
 * the failed event in the batch's transaction: the batch would be rolled back and retried forever,
 * and every event behind it would wait. After a failure in a group, its event handlers run each in a
 * savepoint (a nested transaction) until the group's next batch commits, so a failing event's writes
 * are rolled back alone and the transaction stays usable for its dead letter and the events after
 * it. Healthy batches pay nothing; the batch that failed is redone once, isolated.
 */
public final class IsolatedOnFailure implements HandlerEnhancerDefinition {

  private static final ThreadLocal<Boolean> ALWAYS = ThreadLocal.withInitial(() -> false);
  private static final String RESET_REGISTERED = IsolatedOnFailure.class.getName() + ".reset";

  private final Set<String> groups;
  private final ObjectProvider<PlatformTransactionManager> transactions;
  private final Map<String, AtomicBoolean> isolating = new ConcurrentHashMap<>();
  private volatile TransactionTemplate nested;

  public IsolatedOnFailure(Set<String> groups, ObjectProvider<PlatformTransactionManager> transactions) {
    this.groups = Set.copyOf(groups);
    this.transactions = transactions;
  }

  /** Runs {@code work} with every handler of these groups isolated (used when dead letters are retried). */
  public static <T> T isolating(java.util.function.Supplier<T> work) {
    boolean before = ALWAYS.get();
    ALWAYS.set(true);
    try {
      return work.get();
    } finally {
      ALWAYS.set(before);
    }
  }

  /** Whether the group currently isolates its handlers (after a failure, until a batch commits). */
  boolean isolating(String group) {
    AtomicBoolean flag = isolating.get(group);
    return flag != null && flag.get();
  }

  @Override
  public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
    if (!original.canHandleMessageType(EventMessage.class)) {
      return original;
    }
    ProcessingGroup annotation = original.declaringClass().getAnnotation(ProcessingGroup.class);
    if (annotation == null || !groups.contains(annotation.value())) {
      return original;
    }
    AtomicBoolean flag = isolating.computeIfAbsent(annotation.value(), g -> new AtomicBoolean());
    return new WrappedMessageHandlingMember<>(original) {
      @Override
      public Object handle(Message<?> message, T target) throws Exception {
        if (!flag.get() && !ALWAYS.get()) {
          try {
            return super.handle(message, target);
          } catch (Exception | Error e) {
            flag.set(true);
            throw e;
          }
        }
        resetAfterCommit(flag);
        return inSavepoint(() -> super.handle(message, target));
      }
    };
  }

  private static void resetAfterCommit(AtomicBoolean flag) {
    if (CurrentUnitOfWork.isStarted()) {
      var root = CurrentUnitOfWork.get().root();
      if (root.resources().putIfAbsent(RESET_REGISTERED, Boolean.TRUE) == null) {
        root.afterCommit(u -> flag.set(false));
      }
    }
  }

  private Object inSavepoint(HandlerCall call) throws Exception {
    TransactionTemplate template = nested;
    if (template == null) {
      template = new TransactionTemplate(transactions.getObject());
      template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
      nested = template;
    }
    try {
      return template.execute(status -> {
        try {
          return call.run();
        } catch (Exception e) {
          throw new HandlerFailed(e);
        }
      });
    } catch (HandlerFailed failed) {
      throw failed.cause;
    }
  }

  @FunctionalInterface
  private interface HandlerCall {
    Object run() throws Exception;
  }

  /** Carries a handler's checked exception out of the savepoint's callback. */
  private static final class HandlerFailed extends RuntimeException {
    final Exception cause;

    HandlerFailed(Exception cause) {
      super(null, cause, false, false);
      this.cause = cause;
    }
  }
}
