package io.reelx.exchange.architecture.planted.identity.command;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes rows like main's IdentityService, which is a listed exception: not reported. */
public class IdentityService {
  public void store(JdbcClient jdbc) {
    jdbc.sql("UPDATE nothing SET x = 1").update();
  }
}
