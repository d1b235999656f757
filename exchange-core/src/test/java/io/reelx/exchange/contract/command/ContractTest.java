package io.reelx.exchange.contract.command;

import static io.reelx.exchange.listing.command.Refusals.invalidValue;
import static io.reelx.exchange.listing.command.Refusals.ruleViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.domain.ContractActivated;
import io.reelx.exchange.contract.domain.ContractDocument;
import io.reelx.exchange.contract.domain.ContractDrafted;
import io.reelx.exchange.contract.domain.ContractExpired;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractLapsed;
import io.reelx.exchange.contract.domain.ContractSettings;
import io.reelx.exchange.contract.domain.ContractSigned;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.ContractTerminated;
import io.reelx.exchange.contract.domain.ContractTerms;
import io.reelx.exchange.contract.domain.ContractVoided;
import io.reelx.exchange.contract.domain.DepositForfeited;
import io.reelx.exchange.contract.domain.DepositRefunded;
import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.listing.command.FixtureClock;
import io.reelx.exchange.listing.command.InMemoryRightsRegister;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.StateConflict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A contract from drafting to its end (DESIGN §3 "Contracts"): signatures by document hash,
 * activation that re-checks the window against the grants of the moment, the signing deadline
 * and the term end, and termination.
 */
class ContractTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ContractSettings SETTINGS = new ContractSettings(SHANGHAI, 15, null);

  /** Friday 2026-04-03, 18:00 in Shanghai. */
  static final Instant AWARDED = Instant.parse("2026-04-03T10:00:00Z");
  /** Three working days after a Friday award: the end of Wednesday 8 April, Shanghai time. */
  static final Instant DEADLINE = Instant.parse("2026-04-08T16:00:00Z");

  static final ListingId LISTING = new ListingId("l-1");
  static final ContractId ID = ContractId.forListing(LISTING);
  static final TitleId TITLE = new TitleId("t-long-night");
  static final PartyTerms LICENSOR = new PartyTerms("org-holder", "Long Night Pictures");
  static final PartyTerms LICENSEE = new PartyTerms("org-alpha", "Alpha Video");
  static final RightsWindow HELD = window("2026-01-01", "2030-12-31", Media.VOD);
  static final RightsWindow OFFERED = window("2026-06-01", "2027-05-31", Media.SVOD);
  static final ListingSettlementTerms SETTLEMENT =
      ListingSettlementTerms.simple(null, 50_000L, "NET", 3_000, "MG recouped from the share");
  static final long PRICE = 160_000;
  static final long DEPOSIT = 10_000;

  private AggregateTestFixture<Contract> fixture;
  private InMemoryRightsRegister rights;

  @BeforeEach
  void setUp() {
    rights = new InMemoryRightsRegister()
        .addTitle(TITLE, LICENSOR.organizationId(), "The Long Night")
        .addHolding(TITLE, new Holding(new HoldingId("h-1"), HELD, true, true, "a".repeat(64)));
    fixture = new AggregateTestFixture<>(Contract.class);
    fixture.registerInjectableResource(rights);
    fixture.registerInjectableResource(new FixtureClock(fixture));
    fixture.registerInjectableResource(SETTINGS);
  }

  static RightsWindow window(String start, String end, Media media) {
    return new RightsWindow(TerritorySet.of("CN"), MediaSet.of(media), LanguageSet.of("zh"),
        Term.of(LocalDate.parse(start), LocalDate.parse(end)));
  }

  static DraftContract draft(boolean exclusive) {
    return new DraftContract(ID, LISTING.value(), TITLE.value(), "The Long Night", LICENSOR, LICENSEE,
        WindowTerms.of(OFFERED), exclusive, false, PRICE, "CNY", DEPOSIT, 3, SETTLEMENT, AWARDED);
  }

  static ContractTerms terms(boolean exclusive) {
    return new ContractTerms(LISTING.value(), TITLE.value(), "The Long Night", LICENSOR, LICENSEE,
        WindowTerms.of(OFFERED), exclusive, false, PRICE, "CNY", DEPOSIT, 15, SETTLEMENT, AWARDED, DEADLINE,
        "Asia/Shanghai");
  }

  static String hash(boolean exclusive) {
    return ContractDocument.render(ID, terms(exclusive)).sha256();
  }

  static ContractDrafted drafted(boolean exclusive) {
    return new ContractDrafted(ID, terms(exclusive), hash(exclusive));
  }

  static SignContract sign(PartyTerms party, String sha256) {
    return new SignContract(ID, party.organizationId(), "u-" + party.organizationId(), sha256);
  }

  static ContractSigned signed(Party party, PartyTerms terms, Instant at) {
    return new ContractSigned(ID, party, terms.organizationId(), "u-" + terms.organizationId(), hash(true), at);
  }

  /** Given: the exclusive contract was drafted at the award and its signing deadline set. */
  private TestExecutor<Contract> drafted() {
    return fixture.givenCurrentTime(AWARDED).andGivenCommands(draft(true));
  }

  /** Given, further: time passes to {@code time}; every deadline due by then fires on the way. */
  private TestExecutor<Contract> timePassesTo(Instant time) {
    fixture.whenTimeAdvancesTo(time);
    return fixture.andGivenCommands();
  }

  // ==== drafting ================================================================================

  @Test
  void an_award_drafts_a_contract_awaiting_signatures_until_the_end_of_the_third_working_day() {
    fixture.givenCurrentTime(AWARDED)
        .when(draft(true))
        .expectEvents(drafted(true))
        .expectScheduledDeadlineWithName(DEADLINE, Contract.SIGNING);
  }

  @Test
  void a_deposit_larger_than_the_price_is_not_a_contract() {
    fixture.givenNoPriorActivity()
        .when(new DraftContract(ID, LISTING.value(), TITLE.value(), "The Long Night", LICENSOR, LICENSEE,
            WindowTerms.of(OFFERED), true, false, 5_000, "CNY", DEPOSIT, 3, null, AWARDED))
        .expectException(invalidValue("depositApplied"))
        .expectNoEvents();
  }

  // ==== signatures ==============================================================================

  @Nested
  class Signing {

    @Test
    void a_party_signs_by_submitting_the_documents_hash() {
      drafted();
      timePassesTo(AWARDED.plusSeconds(60))
          .when(sign(LICENSOR, hash(true)))
          .expectEvents(signed(Party.LICENSOR, LICENSOR, AWARDED.plusSeconds(60)))
          .expectResultMessagePayload(ContractStatus.AWAITING_SIGNATURES);
    }

    @Test
    void the_hash_is_accepted_in_upper_case_too() {
      drafted();
      timePassesTo(AWARDED.plusSeconds(60))
          .when(sign(LICENSEE, hash(true).toUpperCase()))
          .expectEvents(signed(Party.LICENSEE, LICENSEE, AWARDED.plusSeconds(60)));
    }

    @Test
    void a_hash_that_is_not_the_documents_is_refused() {
      String tampered = ContractDocument.sha256(ContractDocument.render(ID, terms(true)).text() + " ");
      drafted()
          .when(sign(LICENSEE, tampered))
          .expectException(ruleViolation("document-hash-mismatch"))
          .expectNoEvents();
    }

    @Test
    void to_a_user_of_any_other_organisation_the_contract_does_not_exist() {
      drafted()
          .when(sign(new PartyTerms("org-beta", "Beta"), hash(true)))
          .expectException(NotFound.class)
          .expectNoEvents();
    }

    @Test
    void a_party_signs_only_once() {
      drafted().andGivenCommands(sign(LICENSOR, hash(true)))
          .when(sign(LICENSOR, hash(true)))
          .expectException(StateConflict.class)
          .expectNoEvents();
    }

    @Test
    void the_second_signature_activates_the_contract_and_sets_the_term_end() {
      drafted().andGivenCommands(sign(LICENSOR, hash(true)));
      timePassesTo(AWARDED.plusSeconds(3600))
          .when(sign(LICENSEE, hash(true)))
          .expectEvents(
              signed(Party.LICENSEE, LICENSEE, AWARDED.plusSeconds(3600)),
              new ContractActivated(ID, TITLE.value(), WindowTerms.of(OFFERED), true, LICENSOR.organizationId(),
                  LICENSEE.organizationId(), PRICE - DEPOSIT, "CNY", LocalDate.parse("2026-04-18"),
                  AWARDED.plusSeconds(3600)))
          .expectResultMessagePayload(ContractStatus.ACTIVE)
          .expectScheduledDeadlineWithName(Instant.parse("2027-05-31T16:00:00Z"), Contract.TERM);
      assertThat(rights.locked).containsExactly(TITLE);
    }

    @Test
    void a_window_licensed_exclusively_elsewhere_meanwhile_voids_the_contract_and_refunds_the_deposit() {
      rights.addGrant(TITLE, new Grant("other-contract", window("2027-01-01", "2027-12-31", Media.SVOD), true));
      drafted().andGivenCommands(sign(LICENSOR, hash(true)))
          .when(sign(LICENSEE, hash(true)))
          .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
              org.axonframework.test.matchers.Matchers.exactSequenceOf(
                  org.hamcrest.CoreMatchers.instanceOf(ContractSigned.class),
                  org.hamcrest.CoreMatchers.instanceOf(ContractVoided.class),
                  org.hamcrest.CoreMatchers.equalTo(
                      new DepositRefunded(ID, LISTING.value(), LICENSEE.organizationId(), DEPOSIT, "CNY")),
                  org.axonframework.test.matchers.Matchers.andNoMore())))
          .expectResultMessagePayload(ContractStatus.VOID)
          .expectNoScheduledDeadlineWithName(Instant.parse("2027-05-31T16:00:00Z"), Contract.TERM);
    }

    @Test
    void a_non_exclusive_licence_elsewhere_leaves_the_window_open_to_another_non_exclusive_one() {
      rights.addGrant(TITLE, new Grant("other-contract", OFFERED, false));
      fixture.givenCurrentTime(AWARDED).andGivenCommands(draft(false), new SignContract(ID,
              LICENSOR.organizationId(), "u-1", hash(false)))
          .when(new SignContract(ID, LICENSEE.organizationId(), "u-2", hash(false)))
          .expectResultMessagePayload(ContractStatus.ACTIVE);
    }

    @Test
    void a_non_exclusive_licence_elsewhere_closes_the_window_to_an_exclusive_one() {
      rights.addGrant(TITLE, new Grant("other-contract", OFFERED, false));
      drafted().andGivenCommands(sign(LICENSOR, hash(true)))
          .when(sign(LICENSEE, hash(true)))
          .expectResultMessagePayload(ContractStatus.VOID);
    }
  }

  // ==== the signing deadline ===================================================================

  @Nested
  class SigningDeadline {

    @Test
    void unsigned_by_the_licensee_at_the_deadline_the_contract_lapses_and_its_deposit_is_forfeited() {
      drafted().andGivenCommands(sign(LICENSOR, hash(true)))
          .whenTimeAdvancesTo(DEADLINE)
          .expectEvents(
              new ContractLapsed(ID, List.of(Party.LICENSEE), DEADLINE),
              new DepositForfeited(ID, LISTING.value(), LICENSEE.organizationId(), LICENSOR.organizationId(), DEPOSIT,
                  "CNY"));
    }

    @Test
    void unsigned_by_the_licensor_only_the_contract_lapses_and_the_deposit_is_refunded() {
      drafted().andGivenCommands(sign(LICENSEE, hash(true)))
          .whenTimeAdvancesTo(DEADLINE)
          .expectEvents(
              new ContractLapsed(ID, List.of(Party.LICENSOR), DEADLINE),
              new DepositRefunded(ID, LISTING.value(), LICENSEE.organizationId(), DEPOSIT, "CNY"));
    }

    @Test
    void a_second_before_the_deadline_nothing_lapses() {
      drafted().whenTimeAdvancesTo(DEADLINE.minusSeconds(1)).expectNoEvents();
    }

    @Test
    void a_signature_after_the_deadline_is_refused_although_the_deadline_has_not_fired_yet() {
      fixture.givenCurrentTime(DEADLINE.plusSeconds(5)).andGiven(drafted(true))
          .when(sign(LICENSEE, hash(true)))
          .expectException(StateConflict.class);
    }
  }

  // ==== the end of an active contract ===========================================================

  @Nested
  class Active {

    private TestExecutor<Contract> active() {
      return drafted().andGivenCommands(sign(LICENSOR, hash(true)), sign(LICENSEE, hash(true)));
    }

    @Test
    void at_the_end_of_the_term_the_contract_expires() {
      active().whenTimeAdvancesTo(Instant.parse("2027-05-31T16:00:00Z"))
          .expectEvents(new ContractExpired(ID, Instant.parse("2027-05-31T16:00:00Z")));
    }

    @Test
    void an_operator_terminates_it_with_a_reason_from_a_date() {
      active();
      timePassesTo(Instant.parse("2026-09-01T02:00:00Z"))
          .when(new TerminateContract(ID, "u-operator", "  licensee insolvent ", LocalDate.parse("2026-10-01")))
          .expectEvents(new ContractTerminated(ID, TITLE.value(), "licensee insolvent", LocalDate.parse("2026-10-01"),
              "u-operator", Instant.parse("2026-09-01T02:00:00Z")))
          .expectResultMessagePayload(ContractStatus.TERMINATED);
    }

    @Test
    void without_a_date_termination_takes_effect_today_in_the_exchanges_time_zone() {
      // 20:00 UTC on 1 September is already 2 September in Shanghai
      active();
      timePassesTo(Instant.parse("2026-09-01T20:00:00Z"))
          .when(new TerminateContract(ID, "u-operator", "court order", null))
          .expectEvents(new ContractTerminated(ID, TITLE.value(), "court order", LocalDate.parse("2026-09-02"),
              "u-operator", Instant.parse("2026-09-01T20:00:00Z")));
    }

    @Test
    void termination_cannot_reach_into_the_past() {
      active();
      timePassesTo(Instant.parse("2026-09-01T02:00:00Z"))
          .when(new TerminateContract(ID, "u-operator", "late", LocalDate.parse("2026-08-01")))
          .expectException(invalidValue("effectiveFrom"))
          .expectNoEvents();
    }

    @Test
    void termination_needs_a_reason() {
      active().when(new TerminateContract(ID, "u-operator", " ", null))
          .expectException(invalidValue("reason"))
          .expectNoEvents();
    }

    @Test
    void an_expired_contract_cannot_be_terminated() {
      active();
      timePassesTo(Instant.parse("2027-06-01T00:00:00Z"))
          .when(new TerminateContract(ID, "u-operator", "too late", null))
          .expectException(StateConflict.class)
          .expectNoEvents();
    }

    @Test
    void a_contract_awaiting_signatures_cannot_be_terminated() {
      drafted().when(new TerminateContract(ID, "u-operator", "changed my mind", null))
          .expectException(StateConflict.class);
    }
  }
}
