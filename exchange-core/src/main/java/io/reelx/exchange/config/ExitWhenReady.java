package io.reelx.exchange.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code --reelx.exit-when-ready=true}: a start that stops as soon as the exchange is ready (web
 * server, event processors and start-up tasks included), for the run that records which classes
 * a start loads into the class-data archive ({@code ops/cds.sh}). Registered in
 * {@code META-INF/spring.factories}.
 */
public class ExitWhenReady implements ApplicationListener<ApplicationReadyEvent> {

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (event.getApplicationContext().getEnvironment().getProperty("reelx.exit-when-ready", Boolean.class, false)) {
      System.exit(SpringApplication.exit(event.getApplicationContext(), () -> 0));
    }
  }
}
