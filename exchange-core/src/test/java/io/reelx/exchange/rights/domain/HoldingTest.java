package io.reelx.exchange.rights.domain;

import static io.reelx.exchange.rights.domain.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.shared.domain.InvalidValue;
import org.junit.jupiter.api.Test;

class HoldingTest {

  private final RightsWindow window = window("US", "VOD", "en", "2026-01-01", "2026-12-31");

  @Test
  void an_upper_case_evidence_hash_is_stored_in_lower_case() {
    String upper = "ABCDEF0123456789".repeat(4);
    Holding holding = new Holding(new HoldingId("h-1"), window, true, false, upper);
    assertThat(holding.evidenceSha256()).isEqualTo(upper.toLowerCase());
  }

  @Test
  void evidence_that_is_not_a_sha256_digest_is_refused() {
    for (String bad : new String[] {null, "", "a".repeat(63), "a".repeat(65), "g".repeat(64)}) {
      assertThatThrownBy(() -> new Holding(new HoldingId("h-1"), window, true, false, bad))
          .isInstanceOfSatisfying(
              InvalidValue.class, e -> assertThat(e.field()).isEqualTo("evidenceSha256"));
    }
  }

  @Test
  void a_blank_holding_id_is_refused() {
    assertThatThrownBy(() -> new HoldingId(" ")).isInstanceOf(InvalidValue.class);
  }

  @Test
  void a_grant_needs_a_contract() {
    assertThatThrownBy(() -> new Grant("", window, true))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("contractId"));
  }
}
