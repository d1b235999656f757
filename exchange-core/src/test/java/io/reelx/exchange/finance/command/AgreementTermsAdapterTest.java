package io.reelx.exchange.finance.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.ContractTerms;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsValidator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTermsAdapterTest {

  private static ContractView contract(ListingSettlementTerms terms) {
    ContractTerms t = new ContractTerms("L-1", "T-1", "Title", new PartyTerms("studio", "Studio"), new PartyTerms("stream", "Stream"),
        new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31")),
        true, false, 1_000_000, "CNY", 100_000, 15, terms, Instant.parse("2026-11-01T00:00:00Z"),
        Instant.parse("2026-11-05T00:00:00Z"), "Asia/Shanghai");
    return new ContractView("C-1", t, "sha", ContractStatus.ACTIVE, Map.of(), Instant.parse("2026-11-02T00:00:00Z"), null, null,
        LocalDate.parse("2027-12-31"), 3, Instant.parse("2026-11-02T00:00:00Z"));
  }

  @Test
  void listing_terms_become_settlement_terms_with_the_licensor_as_the_only_payee() {
    SettlementTerms terms = AgreementTermsAdapter.termsOf(
        contract(ListingSettlementTerms.simple(20_000L, 500_000L, "NET", 4000, null)), org -> "CN");
    assertThat(TermsValidator.validate(terms)).isEmpty();
    assertThat(terms.currency()).isEqualTo("CNY");
    assertThat(terms.flatFee()).isEqualTo(new FlatFee(20_000, FlatFee.Recurrence.ONCE));
    assertThat(terms.minimumGuarantee().amountMinor()).isEqualTo(500_000);
    assertThat(terms.revenueShare().basis()).isEqualTo(Basis.NET);
    assertThat(terms.revenueShare().schedule().tiers()).singleElement()
        .satisfies(t -> assertThat(t.rate()).isEqualTo(Rate.percent(4000)));
    assertThat(terms.payees()).singleElement().satisfies(p -> {
      assertThat(p.organization().value()).isEqualTo("studio");
      assertThat(p.shareBasisPoints()).isEqualTo(10_000);
      assertThat(p.country()).isEqualTo("CN");
    });
    assertThat(terms.exchangeFeeBasisPoints()).isZero();
    assertThat(terms.withholdingTax()).isNull();
  }

  @Test
  void payees_tiers_and_withholding_listed_with_the_offer_are_carried_as_they_are() {
    ListingSettlementTerms listed = new ListingSettlementTerms(null, null, 500_000L,
        new ListingSettlementTerms.Share("GROSS", null, List.of(), new ListingSettlementTerms.ShareSchedule("REVENUE",
            "MARGINAL", "CUMULATIVE", List.of(new ListingSettlementTerms.TierRate("0", 3_000L, null),
                new ListingSettlementTerms.TierRate("1000000", 5_000L, null)))),
        List.of(new ListingSettlementTerms.PayeeShare("studio", 7_000, "CN"),
            new ListingSettlementTerms.PayeeShare("author", 3_000, "HK")),
        150L, new ListingSettlementTerms.Withholding(1_000, "CN"), null, null);
    SettlementTerms terms = AgreementTermsAdapter.termsOf(contract(listed), org -> "CN");
    assertThat(TermsValidator.validate(terms)).isEmpty();
    assertThat(terms.payees()).extracting(p -> p.organization().value()).containsExactly("studio", "author");
    assertThat(terms.revenueShare().schedule().tiers()).hasSize(2);
    assertThat(terms.exchangeFeeBasisPoints()).isEqualTo(150);
    assertThat(terms.withholdingTax().basisPoints()).isEqualTo(1_000);
  }

  @Test
  void a_licence_sold_for_its_price_alone_settles_reports_at_zero_percent() {
    SettlementTerms terms = AgreementTermsAdapter.termsOf(contract(null), org -> SettlementIntake.UNKNOWN_COUNTRY);
    assertThat(TermsValidator.validate(terms)).isEmpty();
    assertThat(terms.flatFee()).isNull();
    assertThat(terms.minimumGuarantee()).isNull();
    assertThat(terms.revenueShare().schedule().tiers().get(0).rate()).isEqualTo(Rate.percent(0));
  }
}
