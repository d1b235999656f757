package io.reelx.exchange.finance.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reelx.exchange.shared.web.ProblemHandler;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.terms.domain.InvalidTermsException;
import io.reelx.settlement.terms.domain.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Settlement's exceptions are mapped by finance's own advice, ahead of the shared catch-all (which
 * would answer 500): the shared problem handler knows no settlement type.
 */
class SettlementProblemsTest {

  @RestController
  static class Throws {
    @GetMapping("/refused")
    String refused() {
      throw new SettlementProblem.Refused("period-out-of-order", "The period comes before the last one reported");
    }

    @GetMapping("/invalid-terms")
    String invalidTerms() {
      throw new InvalidTermsException(List.of(new FieldError("rate.basisPoints", "must be at most 10000")));
    }

    @GetMapping("/unexpected")
    String unexpected() {
      throw new IllegalStateException("boom");
    }
  }

  // the shared handler is registered first: the order comes from the advices' @Order, not from here
  private final MockMvc http = MockMvcBuilders.standaloneSetup(new Throws())
      .setControllerAdvice(new ProblemHandler(), new SettlementProblems()).build();

  @Test
  void a_settlement_refusal_is_a_422_problem_with_its_code() throws Exception {
    http.perform(get("/refused"))
        .andExpect(status().is(422))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("period-out-of-order"))
        .andExpect(jsonPath("$.type").value("https://reelx.io/problems/period-out-of-order"));
  }

  @Test
  void invalid_settlement_terms_are_a_400_problem_naming_each_field() throws Exception {
    http.perform(get("/invalid-terms"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid-value"))
        .andExpect(jsonPath("$.errors[0].field").value("rate.basisPoints"))
        .andExpect(jsonPath("$.errors[0].reason").value("must be at most 10000"));
  }

  @Test
  void anything_else_still_reaches_the_shared_handler() throws Exception {
    http.perform(get("/unexpected"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.code").value("internal-error"));
  }
}
