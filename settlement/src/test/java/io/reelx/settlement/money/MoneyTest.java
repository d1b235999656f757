package io.reelx.settlement.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void adds_and_subtracts_in_minor_units() {
    assertThat(Money.of(150, "CNY").plus(Money.of(275, "CNY"))).isEqualTo(Money.of(425, "CNY"));
    assertThat(Money.of(150, "CNY").minus(Money.of(275, "CNY"))).isEqualTo(Money.of(-125, "CNY"));
  }

  @Test
  void currencies_never_mix() {
    assertThatThrownBy(() -> Money.of(1, "CNY").plus(Money.of(1, "USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CNY")
        .hasMessageContaining("USD");
  }

  @Test
  void unknown_currency_is_refused() {
    assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Money.isCurrency("cny")).isFalse();
  }

  @Test
  void overflow_is_loud_not_silent() {
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "CNY").plus(Money.of(1, "CNY")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void renders_with_the_currency_decimals() {
    assertThat(Money.of(123450, "CNY")).hasToString("CNY 1234.50");
    assertThat(Money.of(-5, "USD")).hasToString("USD -0.05");
    assertThat(Money.of(1200, "JPY")).hasToString("JPY 1200");
  }
}
