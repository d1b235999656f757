package io.reelx.exchange.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageSetTest {

  @Test
  void parse_lower_cases_and_sorts() {
    assertThat(LanguageSet.parse(List.of("ZH", "en", " Es "), "languages").codes())
        .containsExactly("en", "es", "zh");
  }

  @Test
  void parse_names_the_position_of_an_unknown_language() {
    assertThatThrownBy(() -> LanguageSet.parse(List.of("en", "eng"), "window.languages"))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.field()).isEqualTo("window.languages[1]");
              assertThat(e.reason()).startsWith("unknown language 'eng': an ISO 639-1");
            });
    assertThatThrownBy(() -> LanguageSet.parse(List.of("xx"), "languages"))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("languages[0]"));
  }

  @Test
  void parse_refuses_no_language_at_all() {
    assertThatThrownBy(() -> LanguageSet.parse(List.of(), "languages"))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.field()).isEqualTo("languages");
              assertThat(e.reason()).isEqualTo("at least one language");
            });
  }

  @Test
  void a_withdrawn_code_is_the_same_language_as_its_current_code() {
    LanguageSet hebrew = LanguageSet.parse(List.of("iw"), "languages");
    assertThat(hebrew.codes()).containsExactly("he");
    assertThat(hebrew.intersects(LanguageSet.of("he"))).isTrue();
    assertThat(LanguageSet.of("in").codes()).containsExactly("id");
  }

  @Test
  void set_operations() {
    LanguageSet enFr = LanguageSet.of("en", "fr");
    assertThat(enFr.intersects(LanguageSet.of("fr", "de"))).isTrue();
    assertThat(enFr.intersects(LanguageSet.of("de"))).isFalse();
    assertThat(enFr.containsAll(LanguageSet.of("en"))).isTrue();
    assertThat(enFr.intersection(LanguageSet.of("fr", "de"))).isEqualTo(LanguageSet.of("fr"));
    assertThat(enFr.minus(LanguageSet.of("fr"))).isEqualTo(LanguageSet.of("en"));
    assertThat(enFr.minus(enFr).isEmpty()).isTrue();
  }
}
