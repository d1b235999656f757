package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Requests are mapped with parsed path patterns, not string by string with AntPathMatcher: Shiro's
 * starter asks for the latter in a property source of its own (issue 17: 14% of a bid's CPU).
 */
class RequestMappingTest extends IntegrationTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Test
  void controllersAreMappedWithParsedPatterns() {
    assertThat(mapping.getPatternParser()).isNotNull();
    assertThat(mapping.getHandlerMethods().keySet())
        .allSatisfy(info -> assertThat(info.getPathPatternsCondition()).isNotNull());
  }
}
