package io.reelx.exchange.identity.security;

import java.util.Collections;
import java.util.Map;
import org.apache.shiro.UnavailableSecurityManagerException;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.util.ThreadContext;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stamps every command with the acting user's id, and carries it onto the events the command
 * causes, so the audit trail says who did what.
 */
@Configuration(proxyBeanMethods = false)
public class ActingUserConfiguration {

  public static final String USER_ID = "userId";

  @Bean
  CorrelationDataProvider actingUserCorrelation() {
    return new SimpleCorrelationDataProvider(USER_ID);
  }

  @Bean
  SmartInitializingSingleton stampCommands(ObjectProvider<CommandBus> commandBus) {
    MessageDispatchInterceptor<CommandMessage<?>> stamp = messages -> (index, message) -> {
      Map<String, ?> user = actingUser();
      return user.isEmpty() || message.getMetaData().containsKey(USER_ID) ? message : message.andMetaData(user);
    };
    return () -> commandBus.getObject().registerDispatchInterceptor(stamp);
  }

  private static Map<String, ?> actingUser() {
    try {
      Subject subject = ThreadContext.getSubject();
      if (subject != null && subject.getPrincipal() instanceof CurrentUser user) {
        return Map.of(USER_ID, user.userId().value());
      }
    } catch (UnavailableSecurityManagerException ignored) {
      // no security context on this thread (start-up, deadlines): nothing to stamp
    }
    return Collections.emptyMap();
  }
}
