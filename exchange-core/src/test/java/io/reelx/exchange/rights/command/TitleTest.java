package io.reelx.exchange.rights.command;

import static org.hamcrest.Matchers.equalTo;

import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.HoldingRecorded;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.domain.TitleRegistered;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TitleTest {

  static final TitleId TITLE = new TitleId("t-long-night");
  static final String OWNER = "org-holder";
  static final String EVIDENCE = "ab".repeat(32);
  static final RightsWindow WINDOW = new RightsWindow(TerritorySet.of("CN", "HK"), MediaSet.of(Media.ALL_MEDIA),
      LanguageSet.of("zh"), Term.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2030-12-31")));

  private FixtureConfiguration<Title> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Title.class);
  }

  static RegisterTitle register(String name) {
    return new RegisterTitle(TITLE, OWNER, name, "漫长的夜", TitleKind.MICRO_DRAMA, 80, 2, "zh", 2025, "Revenge.");
  }

  static TitleRegistered registered() {
    return new TitleRegistered(TITLE, OWNER, "The Long Night", "漫长的夜", TitleKind.MICRO_DRAMA, 80, 2, "zh", 2025,
        "Revenge.");
  }

  static RecordHolding recordHolding(String organizationId) {
    return new RecordHolding(TITLE, organizationId, new Holding(new HoldingId("h-1"), WINDOW, true, false,
        EVIDENCE.toUpperCase()), "distribution agreement of 2025-11-02");
  }

  @Test
  void registering_a_title_records_it_under_its_owner_with_a_trimmed_name() {
    fixture.givenNoPriorActivity()
        .when(register("  The Long Night "))
        .expectEvents(registered())
        .expectResultMessagePayload(TITLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void a_title_without_a_name_is_refused(String name) {
    fixture.givenNoPriorActivity()
        .when(register(name))
        .expectNoEvents()
        .expectException(new FeatureMatcher<InvalidValue, String>(equalTo("name"), "an InvalidValue on", "field") {
          @Override
          protected String featureValueOf(InvalidValue actual) {
            return actual.field();
          }
        });
  }

  @Test
  void the_owner_records_a_holding_in_its_title_with_the_evidence_in_lower_case() {
    fixture.given(registered())
        .when(recordHolding(OWNER))
        .expectEvents(new HoldingRecorded(TITLE, "h-1", WindowTerms.of(WINDOW), true, false, EVIDENCE,
            "distribution agreement of 2025-11-02"));
  }

  @Test
  void to_another_organisation_the_title_does_not_exist() {
    fixture.given(registered())
        .when(recordHolding("org-stranger"))
        .expectNoEvents()
        .expectException(NotFound.class)
        .expectExceptionMessage("No title with id t-long-night");
  }
}
