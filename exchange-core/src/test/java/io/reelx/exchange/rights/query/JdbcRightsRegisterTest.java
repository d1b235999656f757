package io.reelx.exchange.rights.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.domain.ContractActivated;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractTerminated;
import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.HoldingRecorded;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.domain.TitleRegistered;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.testing.ProjectionDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Titles, holdings and grants on a real PostgreSQL: given events, the rows read back. */
class JdbcRightsRegisterTest {

  static final Instant AT = Instant.parse("2027-01-02T09:00:00Z");
  static final TitleId TITLE = new TitleId("t-1");
  static final WindowTerms WINDOW = new WindowTerms(List.of("CN", "HK"), List.of("SVOD"), List.of("zh"),
      LocalDate.parse("2027-06-01"), LocalDate.parse("2028-05-31"));

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private JdbcRightsRegister register;

  @BeforeEach
  void setUp() {
    db.truncate("rights_grant", "holding", "title");
    register = new JdbcRightsRegister(db.jdbcClient());
    register.on(new TitleRegistered(TITLE, "org-h", "The Long Night", "长夜", TitleKind.SERIES, 24, 45, "zh", 2026,
        "A city without dawn"), AT);
  }

  @Test
  void a_title_is_registered_and_found_by_part_of_its_name_among_its_owners_titles() {
    TitleView title = register.title(TITLE).orElseThrow();
    assertThat(title.name()).isEqualTo("The Long Night");
    assertThat(title.ownerOrganizationId()).isEqualTo("org-h");
    assertThat(title.kind()).isEqualTo(TitleKind.SERIES);
    assertThat(register.titles("org-h", "long", 0, 10).items()).extracting(TitleView::id).containsExactly(TITLE);
    assertThat(register.titles("org-x", null, 0, 10).items()).isEmpty();
  }

  @Test
  void a_holding_is_recorded_with_its_window_and_evidence() {
    register.on(new HoldingRecorded(TITLE, "h-1", WINDOW, true, false, "a".repeat(64), "chain of title"),
        AT.plusSeconds(5));

    List<HoldingView> holdings = register.holdings(TITLE);
    assertThat(holdings).hasSize(1);
    assertThat(WindowTerms.of(holdings.get(0).holding().window())).isEqualTo(WINDOW);
    assertThat(holdings.get(0).holding().exclusive()).isTrue();
    assertThat(holdings.get(0).evidenceNote()).isEqualTo("chain of title");
    assertThat(holdings.get(0).recordedAt()).isEqualTo(AT.plusSeconds(5));
  }

  @Test
  void an_activated_contract_grants_its_window_and_a_termination_cuts_it_short() {
    ContractId contract = new ContractId("C-1");
    register.on(new ContractActivated(contract, TITLE.value(), WINDOW, true, "org-h", "org-p", 0, "CNY",
        LocalDate.parse("2027-02-01"), AT));
    assertThat(register.grants(TITLE)).extracting(Grant::contractId, g -> WindowTerms.of(g.window()), Grant::exclusive)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("C-1", WINDOW, true));

    register.on(new ContractTerminated(contract, TITLE.value(), "breach", LocalDate.parse("2028-01-01"), "u-op", AT));
    assertThat(register.grants(TITLE)).extracting(g -> g.window().term().end())
        .containsExactly(LocalDate.parse("2027-12-31"));
  }
}
