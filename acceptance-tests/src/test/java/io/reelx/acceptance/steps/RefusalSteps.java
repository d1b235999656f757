package io.reelx.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.reelx.acceptance.support.Outcome;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.FieldError;
import io.reelx.client.model.Problem;
import java.util.regex.Pattern;

/** How the exchange says no: the status of the API conventions and an RFC 9457 problem document. */
public class RefusalSteps {

  private final World world;

  public RefusalSteps(World world) {
    this.world = world;
  }

  @Then("it is refused as {refusal}")
  public void itIsRefusedAs(Integer status) {
    Outcome outcome = world.lastOutcome();
    assertThat(outcome.status()).as("status of %s", outcome).isEqualTo(status);
    assertThat(outcome.isProblem()).as("a problem document: %s", outcome).isTrue();
    Problem problem = outcome.problem();
    assertThat(problem.getStatus()).as("problem status").isEqualTo(status);
    assertThat(problem.getType()).as("problem type").isNotNull();
    assertThat(problem.getTitle()).as("problem title").isNotBlank();
  }

  @Then("the problem names the field {string}")
  public void theProblemNamesTheField(String field) {
    Problem problem = world.lastOutcome().problem();
    assertThat(problem.getErrors())
        .as("field errors of %s", world.lastOutcome())
        .extracting(FieldError::getField)
        .anySatisfy(f -> assertThat(f).matches(Pattern.quote(field) + "(\\[\\d+\\])?"));
    assertThat(problem.getErrors()).allSatisfy(e -> assertThat(e.getReason()).isNotBlank());
  }

  @Then("the refusal's code is {string}")
  public void theRefusalsCodeIs(String code) {
    Problem problem = world.lastOutcome().problem();
    assertThat(problem.getCode()).as("code of %s", world.lastOutcome()).isEqualTo(code);
    assertThat(problem.getDetail()).as("detail of %s", world.lastOutcome()).isNotBlank();
  }

  @Then("the refusal explains why")
  public void theRefusalExplainsWhy() {
    assertThat(world.lastOutcome().problem().getDetail()).as("detail of %s", world.lastOutcome()).isNotBlank();
  }
}
