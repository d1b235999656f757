package io.reelx.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.RunningExchange;
import io.reelx.acceptance.support.Walkthroughs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

public class WalkthroughSteps {

  /** The repository's root: the walkthroughs run there, as the README says. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Walkthroughs.Run run;
  private int blocks;

  @When("the README's walkthrough blocks run with bash against the exchange")
  public void theWalkthroughsRun() throws IOException {
    List<String> found = Walkthroughs.blocks(Files.readString(ROOT.resolve("README.md")));
    blocks = found.size();
    assertThat(blocks).as("shell blocks marked %s in README.md", Walkthroughs.MARKER).isGreaterThanOrEqualTo(4);
    RunningExchange exchange = RunningExchange.get();
    run = Walkthroughs.run(found, ROOT, Map.of(
        "REELX", exchange.baseUri(),
        "REELX_ADMIN_PASSWORD", exchange.adminPassword(),
        // bidding opens a few seconds after the listing is approved, not two minutes
        "LEAD", "5 seconds"), Duration.ofMinutes(15));
  }

  @Then("every block succeeds")
  public void everyBlockSucceeds() {
    assertThat(run.exitCode())
        .as("exit code of the %d README walkthrough blocks run with bash; their output:%n%s", blocks, run.output())
        .isZero();
  }
}
