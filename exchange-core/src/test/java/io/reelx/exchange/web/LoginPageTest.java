package io.reelx.exchange.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginPageTest {

  @Test
  void after_login_only_a_path_on_this_site_is_followed() {
    assertThat(LoginPage.safeNext("/market/abc/room?x=1")).isEqualTo("/market/abc/room?x=1");
    for (String hostile : new String[] {null, "", "https://evil.example/", "//evil.example/", "/\\evil.example",
        "javascript:alert(1)", "/login?next=/x", "/a\r\nSet-Cookie: x=y"}) {
      assertThat(LoginPage.safeNext(hostile)).as(String.valueOf(hostile)).isEqualTo("/");
    }
  }

  @Test
  void tokens_compare_whole_and_never_match_missing_ones() {
    assertThat(PageFilter.sameToken("abc", "abc")).isTrue();
    assertThat(PageFilter.sameToken("abc", "abd")).isFalse();
    assertThat(PageFilter.sameToken("abc", "ab")).isFalse();
    assertThat(PageFilter.sameToken(null, null)).isFalse();
    assertThat(PageFilter.sameToken("", "")).isFalse();
    assertThat(PageFilter.sameToken("abc", null)).isFalse();
  }

  @Test
  void the_language_parameter_picks_one_of_two_languages() {
    assertThat(WebConfiguration.language("zh-CN")).isEqualTo(WebConfiguration.CHINESE);
    assertThat(WebConfiguration.language("zh_cn")).isEqualTo(WebConfiguration.CHINESE);
    assertThat(WebConfiguration.language("en")).isEqualTo(java.util.Locale.ENGLISH);
    assertThat(WebConfiguration.language("fr")).isNull();
    assertThat(WebConfiguration.language(null)).isNull();
  }
}
