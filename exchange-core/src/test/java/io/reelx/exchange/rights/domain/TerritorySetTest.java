package io.reelx.exchange.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TerritorySetTest {

  @Test
  void groups_expand_to_their_member_codes() {
    assertThat(TerritorySet.parse(List.of("GREATER_CHINA"), "t").codes())
        .containsExactly("CN", "HK", "MO", "TW");
    assertThat(TerritorySet.parse(List.of("NORTH_AMERICA"), "t").codes())
        .containsExactly("CA", "MX", "US");
    assertThat(TerritorySet.parse(List.of("APEC"), "t").size()).isEqualTo(21);
    assertThat(TerritorySet.parse(List.of("ASEAN"), "t").size()).isEqualTo(10);
    assertThat(TerritorySet.parse(List.of("EU"), "t").size()).isEqualTo(27);
    assertThat(TerritorySet.parse(List.of("WORLD"), "t").codes())
        .containsExactlyInAnyOrder(Locale.getISOCountries());
  }

  @Test
  void the_group_names_are_listed() {
    assertThat(Territories.groupNames())
        .containsExactly("APEC", "ASEAN", "EU", "GREATER_CHINA", "NORTH_AMERICA", "WORLD");
  }

  @Test
  void parse_upper_cases_mixes_codes_with_groups_and_sorts() {
    assertThat(TerritorySet.parse(List.of("us", " gb", "north_america", "US"), "t").codes())
        .containsExactly("CA", "GB", "MX", "US");
  }

  @Test
  void parse_names_the_position_of_an_unknown_territory() {
    assertThatThrownBy(() -> TerritorySet.parse(List.of("US", "CA", "XX"), "territories"))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.field()).isEqualTo("territories[2]");
              assertThat(e.reason())
                  .startsWith("unknown territory 'XX': an ISO 3166-1 alpha-2 code")
                  .contains("GREATER_CHINA");
            });
  }

  @Test
  void parse_refuses_a_three_letter_code_and_a_blank() {
    assertThatThrownBy(() -> TerritorySet.parse(List.of("USA"), "territories"))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("territories[0]"));
    assertThatThrownBy(() -> TerritorySet.parse(java.util.Arrays.asList("US", null), "t"))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("t[1]"));
  }

  @Test
  void parse_refuses_no_territory_at_all() {
    assertThatThrownBy(() -> TerritorySet.parse(List.of(), "territories"))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.field()).isEqualTo("territories");
              assertThat(e.reason()).isEqualTo("at least one territory");
            });
  }

  @Test
  void of_takes_codes_only() {
    assertThat(TerritorySet.of("US", "CA").codes()).containsExactly("CA", "US");
    assertThatThrownBy(() -> TerritorySet.of("WORLD")).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> TerritorySet.of("us")).isInstanceOf(InvalidValue.class);
  }

  @Test
  void set_operations() {
    TerritorySet na = TerritorySet.of("US", "CA", "MX");
    TerritorySet gc = TerritorySet.parse(List.of("GREATER_CHINA"), "t");
    TerritorySet apec = TerritorySet.parse(List.of("APEC"), "t");
    assertThat(na.intersects(gc)).isFalse();
    assertThat(apec.intersects(na)).isTrue();
    assertThat(apec.containsAll(na)).isTrue();
    assertThat(apec.containsAll(gc)).isFalse(); // Macao is not an APEC economy
    assertThat(gc.intersection(apec)).isEqualTo(TerritorySet.of("CN", "HK", "TW"));
    assertThat(gc.minus(apec)).isEqualTo(TerritorySet.of("MO"));
    assertThat(na.minus(apec).isEmpty()).isTrue();
    assertThat(TerritorySet.empty().size()).isZero();
  }
}
