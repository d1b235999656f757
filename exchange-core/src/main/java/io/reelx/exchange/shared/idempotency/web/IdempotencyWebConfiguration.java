package io.reelx.exchange.shared.idempotency.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The {@code Idempotency-Key} check on every handler (it acts only where the header is declared). */
@Configuration(proxyBeanMethods = false)
public class IdempotencyWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new IdempotencyKeyCheck());
  }
}
