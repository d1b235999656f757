package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.identity.web.IdentityController;
import io.reelx.exchange.shared.web.ConstrainedMethodValidation;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The API's controllers are validated by {@link ConstrainedMethodValidation} (only methods with
 * constraints ask the validator), not by Spring Boot's post-processor; what it refuses over HTTP is
 * checked in {@link RequestLimitsTest}.
 */
class MethodValidationTest extends IntegrationTest {

  @Autowired
  IdentityController identity;

  @Test
  void controllersAreValidatedOnlyWhereConstrained() {
    assertThat(identity).isInstanceOf(Advised.class);
    assertThat(((Advised) identity).getAdvisors()).extracting(advisor -> (Object) advisor.getAdvice().getClass())
        .containsOnlyOnce(ConstrainedMethodValidation.OnlyWhereConstrained.class);
  }
}
