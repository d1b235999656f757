package io.reelx.exchange.finance.command;

import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.util.List;
import java.util.function.Function;

/**
 * The one place that reads a contract's settlement terms for settlement. Today contracts carry
 * the listing's {@link ListingSettlementTerms} (licence fee, MG, one share rate on GROSS or NET):
 * they map to settlement terms with the licensor as the only payee (100%), no exchange fee, no
 * withholding and an exact declared payable. When contracts carry settlement's own
 * {@link SettlementTerms}, {@link #termsOf} returns them as they are.
 */
final class AgreementTermsAdapter {

  private AgreementTermsAdapter() {}

  /**
   * @param countryOf the country (ISO 3166-1 alpha-2) of an organisation, for withholding tax
   */
  static SettlementTerms termsOf(ContractView contract, Function<String, String> countryOf) {
    ListingSettlementTerms old = contract.terms().settlementTerms();
    String currency = contract.terms().currency();
    String licensor = contract.terms().licensor().organizationId();
    FlatFee flatFee = old == null || old.licenceFee() == null || old.licenceFee() == 0 ? null
        : new FlatFee(old.licenceFee(), FlatFee.Recurrence.ONCE);
    RevenueShare share = old == null || old.revenueShareBasis() == null ? null
        : new RevenueShare(Basis.valueOf(old.revenueShareBasis()), List.of(),
            RateSchedule.flat(Metric.REVENUE, Rate.percent(old.revenueShareBasisPoints())));
    MinimumGuarantee mg = old == null || old.minimumGuarantee() == null || old.minimumGuarantee() == 0 || share == null ? null
        : new MinimumGuarantee(old.minimumGuarantee());
    if (flatFee == null && share == null && mg == null) {
      // a licence sold for its price alone: statements still record what was reported, at 0%
      share = new RevenueShare(Basis.GROSS, List.of(), RateSchedule.flat(Metric.REVENUE, Rate.percent(0)));
    }
    return new SettlementTerms(currency, flatFee, mg, share,
        List.of(new Payee(new OrganizationId(licensor), 10_000, countryOf.apply(licensor))), 0, null, 0);
  }
}
