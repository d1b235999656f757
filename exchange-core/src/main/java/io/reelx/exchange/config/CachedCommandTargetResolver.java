package io.reelx.exchange.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's target aggregate the way Axon's {@code AnnotationCommandTargetResolver} does
 * (the member marked {@link TargetAggregateIdentifier}, and {@link TargetAggregateVersion} if
 * any), but searches each command class once: Axon's resolver scans the class's annotations on
 * every command, a measurable share of a bid's cost.
 */
public final class CachedCommandTargetResolver implements CommandTargetResolver {

  private static final Function<Object, Object> ABSENT = payload -> null;

  private final ClassValue<Function<Object, Object>> identifiers = accessors(TargetAggregateIdentifier.class);
  private final ClassValue<Function<Object, Object>> versions = accessors(TargetAggregateVersion.class);

  @Override
  public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
    Object payload = command.getPayload();
    Object identifier = identifiers.get(payload.getClass()).apply(payload);
    if (identifier == null) {
      throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate: "
          + payload.getClass().getSimpleName() + " has no @TargetAggregateIdentifier member with a value");
    }
    return new VersionedAggregateIdentifier(identifier, asLong(versions.get(payload.getClass()).apply(payload)));
  }

  private static Long asLong(Object version) {
    if (version == null) {
      return null;
    }
    if (version instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(version.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The value provided for the version is not a number.", e);
    }
  }

  private static ClassValue<Function<Object, Object>> accessors(Class<? extends Annotation> annotation) {
    return new ClassValue<>() {
      @Override
      protected Function<Object, Object> computeValue(Class<?> type) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
          if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
            Method accessible = ReflectionUtils.ensureAccessible(method);
            return payload -> invoke(accessible, payload);
          }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
          if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
            Field accessible = ReflectionUtils.ensureAccessible(field);
            return payload -> ReflectionUtils.getFieldValue(accessible, payload);
          }
        }
        return ABSENT;
      }
    };
  }

  private static Object invoke(Method method, Object payload) {
    try {
      return method.invoke(payload);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          "The current security context does not allow extraction of aggregate information from the given command.", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("An exception occurred while extracting aggregate information form a command",
          e.getCause());
    }
  }
}
