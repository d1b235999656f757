package io.reelx.exchange.architecture.planted.identity.command;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Offender: a command package writes SQL. */
public class WritesRows {
  public void write(JdbcClient jdbc) {
    jdbc.sql("DELETE FROM nothing").update();
  }
}
