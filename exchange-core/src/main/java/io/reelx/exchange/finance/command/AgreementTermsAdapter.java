package io.reelx.exchange.finance.command;

import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.util.List;
import java.util.function.Function;

/**
 * The one place that reads a contract's settlement terms for settlement: the terms the listing
 * offered ({@link ListingSettlementTerms}, checked when the listing was created), in the contract
 * currency, with the licensor's real country for its default payee. A licence sold for its price
 * alone still gets an agreement: statements record what was reported, at a 0% share.
 */
final class AgreementTermsAdapter {

  private AgreementTermsAdapter() {}

  /**
   * @param countryOf the country (ISO 3166-1 alpha-2) of an organisation, for withholding tax
   */
  static SettlementTerms termsOf(ContractView contract, Function<String, String> countryOf) {
    ListingSettlementTerms listed = contract.terms().settlementTerms();
    String currency = contract.terms().currency();
    String licensor = contract.terms().licensor().organizationId();
    if (listed == null) {
      return new SettlementTerms(currency, null, null,
          new RevenueShare(Basis.GROSS, List.of(), RateSchedule.flat(Metric.REVENUE, Rate.percent(0))),
          List.of(new Payee(new OrganizationId(licensor), 10_000, countryOf.apply(licensor))), 0, null, 0);
    }
    return listed.toTerms(currency, licensor, countryOf.apply(licensor));
  }
}
