package io.reelx.exchange.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersFilterTest {

  private final SecurityHeadersFilter filter = new SecurityHeadersFilter();

  @Test
  void hsts_is_sent_only_over_tls() throws Exception {
    MockHttpServletRequest secure = new MockHttpServletRequest("GET", "/api/v1/me");
    secure.setSecure(true);
    MockHttpServletResponse overTls = new MockHttpServletResponse();
    filter.doFilter(secure, overTls, new MockFilterChain());
    assertThat(overTls.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");

    MockHttpServletResponse plain = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/me"), plain, new MockFilterChain());
    assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
  }

  @Test
  void api_answers_are_not_cached_other_pages_may_be_but_nothing_is_framed_or_sniffed() throws Exception {
    MockHttpServletResponse page = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/swagger-ui.html"), page, new MockFilterChain());
    assertThat(page.getHeader("Cache-Control")).isNull();
    assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

    MockHttpServletResponse api = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/listings"), api, new MockFilterChain());
    assertThat(api.getHeader("Cache-Control")).isEqualTo("no-store");
  }
}
