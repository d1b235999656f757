package io.reelx.exchange.contract.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.domain.ContractActivated;
import io.reelx.exchange.contract.domain.ContractDrafted;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractSigned;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.ContractTerms;
import io.reelx.exchange.contract.domain.ContractTerminated;
import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.testing.ProjectionDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Contracts on a real PostgreSQL: given contract events, the rows read back. */
class ContractRegisterTest {

  static final Instant AT = Instant.parse("2026-04-03T10:00:00Z");
  static final ContractId ID = new ContractId("C-1");
  static final WindowTerms WINDOW = new WindowTerms(List.of("CN", "HK"), List.of("SVOD"), List.of("zh"),
      LocalDate.parse("2027-01-01"), LocalDate.parse("2028-12-31"));
  static final ContractTerms TERMS = new ContractTerms("l-1", "t-1", "The Long Night",
      new PartyTerms("org-h", "Long Night Pictures"), new PartyTerms("org-p", "Alpha Video"), WINDOW, true, false,
      50_000_00, "CNY", 10_000_00, 15, null, AT, AT.plusSeconds(5 * 86_400), "Asia/Shanghai");

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private ContractRegister register;

  @BeforeEach
  void setUp() {
    db.truncate("contract_view");
    register = new ContractRegister(db.jdbcClient(), JsonMapper.builder().build());
    register.on(new ContractDrafted(ID, TERMS, "d".repeat(64)), 0, AT);
  }

  @Test
  void a_drafted_contract_awaits_both_signatures() {
    ContractView view = register.find("C-1").orElseThrow();
    assertThat(view.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURES);
    assertThat(view.terms()).isEqualTo(TERMS);
    assertThat(view.signatures()).isEmpty();
    assertThat(register.exists(ID)).isTrue();
  }

  @Test
  void signatures_then_activation_make_it_active_until_the_terms_end() {
    register.on(new ContractSigned(ID, Party.LICENSOR, "org-h", "u-h", "d".repeat(64), AT.plusSeconds(60)), 1,
        AT.plusSeconds(60));
    register.on(new ContractSigned(ID, Party.LICENSEE, "org-p", "u-p", "d".repeat(64), AT.plusSeconds(120)), 2,
        AT.plusSeconds(120));
    register.on(new ContractActivated(ID, "t-1", WINDOW, true, "org-h", "org-p", 40_000_00, "CNY",
        LocalDate.parse("2026-05-01"), AT.plusSeconds(120)), 3, AT.plusSeconds(120));

    ContractView view = register.find("C-1").orElseThrow();
    assertThat(view.status()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(view.signatures()).containsOnlyKeys(Party.LICENSOR, Party.LICENSEE);
    assertThat(view.activatedAt()).isEqualTo(AT.plusSeconds(120));
    assertThat(view.grantEndsOn()).isEqualTo(LocalDate.parse("2028-12-31"));
  }

  @Test
  void a_termination_ends_the_grant_the_day_before_it_takes_effect() {
    register.on(new ContractActivated(ID, "t-1", WINDOW, true, "org-h", "org-p", 40_000_00, "CNY",
        LocalDate.parse("2026-05-01"), AT.plusSeconds(120)), 3, AT.plusSeconds(120));
    register.on(new ContractTerminated(ID, "t-1", "breach", LocalDate.parse("2027-07-01"), "u-op",
        AT.plusSeconds(300)), 4, AT.plusSeconds(300));

    ContractView view = register.find("C-1").orElseThrow();
    assertThat(view.status()).isEqualTo(ContractStatus.TERMINATED);
    assertThat(view.endReason()).isEqualTo("breach");
    assertThat(view.grantEndsOn()).isEqualTo(LocalDate.parse("2027-06-30"));
  }
}
