package io.reelx.exchange.rights.ema.domain;

import static io.reelx.exchange.rights.ema.domain.Sheets.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.domain.ContractActivated;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractTerminated;
import io.reelx.exchange.rights.domain.HoldingRecorded;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.domain.TitleRegistered;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RightsAsOfTest {

  private static final TitleId TITLE = new TitleId("t-1");
  private static final ContractId CONTRACT = new ContractId("c-1");

  /** Registered and held on 1 March, licensed exclusively on 1 April, the licence terminated from 1 July on 1 May. */
  private static final List<Object[]> LOG = List.of(
      new Object[] {new TitleRegistered(TITLE, "org-1", "Moon River", "月河", TitleKind.SERIES, 24, 45, "zh", 2025, null),
          Instant.parse("2026-03-01T09:00:00Z")},
      new Object[] {new TitleRegistered(new TitleId("t-other"), "org-2", "Not ours", null, TitleKind.FILM, 1, 90, "en",
          2020, null), Instant.parse("2026-03-01T09:00:00Z")},
      new Object[] {new HoldingRecorded(TITLE, "h-1", WindowTerms.of(window("CN", "SVOD", "zh", "2026-01-01",
          "2026-12-31")), true, false, "b".repeat(64), null), Instant.parse("2026-03-01T10:00:00Z")},
      new Object[] {new ContractActivated(CONTRACT, "t-1", WindowTerms.of(window("CN", "SVOD", "zh", "2026-04-01",
          "2026-09-30")), true, "org-1", "org-3", 0, "CNY", LocalDate.parse("2026-05-01"),
          Instant.parse("2026-04-01T12:00:00Z")), Instant.parse("2026-04-01T12:00:00Z")},
      new Object[] {new ContractTerminated(CONTRACT, "t-1", "breach", LocalDate.parse("2026-07-01"), "op",
          Instant.parse("2026-05-01T23:59:59Z")), Instant.parse("2026-05-01T23:59:59Z")});

  private static List<String> rows(String asOf) {
    RightsAsOf fold = new RightsAsOf("org-1", Optional.empty(), LocalDate.parse(asOf));
    LOG.forEach(e -> fold.accept(e[0], (Instant) e[1]));
    List<String> rows = new ArrayList<>();
    AvailsRows avails = new AvailsRows();
    fold.titles(org -> "Lotus", t -> avails.rows(t, r -> rows.add(r.start() + ".." + r.end() + " "
        + r.status().label() + (r.contractId().isEmpty() ? "" : " " + r.contractId()))));
    return rows;
  }

  @Test
  void before_the_title_was_registered_there_is_nothing() {
    assertThat(rows("2026-02-28")).isEmpty();
  }

  @Test
  void once_held_and_before_the_licence_it_is_all_available() {
    assertThat(rows("2026-03-31")).containsExactly("2026-01-01..2026-12-31 Available");
  }

  @Test
  void while_the_licence_stood_its_days_are_granted() {
    assertThat(rows("2026-04-30")).containsExactly("2026-01-01..2026-03-31 Available",
        "2026-04-01..2026-09-30 Granted c-1", "2026-10-01..2026-12-31 Available");
  }

  @Test
  void after_the_termination_only_the_days_before_its_effect_stay_granted() {
    assertThat(rows("2026-05-01")).containsExactly("2026-01-01..2026-03-31 Available",
        "2026-04-01..2026-06-30 Granted c-1", "2026-07-01..2026-12-31 Available");
  }
}
