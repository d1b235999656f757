package io.reelx.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.reelx.acceptance.support.DemoExchange;
import io.reelx.acceptance.support.RunningExchange;
import io.reelx.acceptance.support.World;

public class Hooks {

  private final World world;

  public Hooks(World world) {
    this.world = world;
  }

  @BeforeAll
  public static void bootTheExchange() {
    RunningExchange.get();
  }

  @AfterAll
  public static void stopTheExchange() {
    try {
      RunningExchange.stop();
    } finally {
      DemoExchange.stop(); // also when the first stop failed: its PostgreSQL must not outlive the run
    }
  }

  /** Whatever a scenario sent, good or bad, the exchange must never answer with a server error. */
  @After
  public void theExchangeNeverFailedOnItsSide() {
    assertThat(world.serverErrors()).as("server errors answered during the scenario").isEmpty();
  }
}
