package io.reelx.exchange.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private final Formats formats = new Formats();

  @Test
  void money_is_shown_with_currency_grouping_and_the_currencys_decimals() {
    assertThat(formats.money(100_000_000L, "CNY")).isEqualTo("CNY 1,000,000.00");
    assertThat(formats.money(5L, "CNY")).isEqualTo("CNY 0.05");
    assertThat(formats.money(-123_456L, "USD")).isEqualTo("USD -1,234.56");
    assertThat(formats.money(1_500L, "JPY")).isEqualTo("JPY 1,500");
    assertThat(formats.money(Long.MAX_VALUE, "CNY")).isEqualTo("CNY 92,233,720,368,547,758.07");
    assertThat(formats.input(100_000_050L, "CNY")).isEqualTo("1000000.50");
  }

  @Test
  void amounts_typed_in_major_units_become_exact_minor_units() {
    assertThat(formats.toMinor("1,000,000.00", "CNY", "price")).isEqualTo(100_000_000L);
    assertThat(formats.toMinor(" 1000000.5 ", "CNY", "price")).isEqualTo(100_000_050L);
    assertThat(formats.toMinor("0.29", "CNY", "price")).as("no binary floating point: 0.29 stays 29").isEqualTo(29L);
    assertThat(formats.toMinor("1.10", "CNY", "price")).isEqualTo(110L);
    assertThat(formats.toMinor("1500", "JPY", "price")).isEqualTo(1_500L);
    for (String bad : new String[] {"", "abc", "1.005", "-5", "1e6", "12.3.4", "99999999999999999999"}) {
      assertThatThrownBy(() -> formats.toMinor(bad, "CNY", "price")).as(bad)
          .isInstanceOf(InvalidValue.class).extracting("field").isEqualTo("price");
    }
    assertThatThrownBy(() -> formats.toMinor("1.5", "JPY", "price")).isInstanceOf(InvalidValue.class);
  }

  @Test
  void times_are_shown_in_shanghai_with_the_offset() {
    Instant at = Instant.parse("2026-12-03T14:40:05Z");
    assertThat(formats.time(at)).isEqualTo("2026-12-03 22:40:05 +08:00");
    assertThat(formats.isoTime(at)).isEqualTo("2026-12-03T22:40:05+08:00");
  }

  @Test
  void both_languages_have_the_same_messages() throws IOException {
    Properties en = load("i18n/messages_en.properties");
    Properties zh = load("i18n/messages_zh_CN.properties");
    assertThat(en).isNotEmpty();
    assertThat(zh.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = FormatsTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
