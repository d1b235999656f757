package io.reelx.exchange.listing.web;

import io.reelx.exchange.listing.domain.NotPermitted;
import org.apache.shiro.authz.UnauthorizedException;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The listing's domain refuses an actor whose role does not allow a command with {@link
 * NotPermitted}, knowing nothing of the security framework; the edge answers every such refusal
 * as the security framework's "forbidden" (403 for the API, the forbidden page for pages), as it
 * answers its own role checks. Translated where commands are handled, so every sender gets it.
 */
@Component
class NotPermittedAnswer {

  @Autowired
  void register(CommandBus commands) {
    commands.registerHandlerInterceptor((unitOfWork, chain) -> {
      try {
        return chain.proceed();
      } catch (NotPermitted refused) {
        throw new UnauthorizedException(refused.getMessage());
      }
    });
  }
}
