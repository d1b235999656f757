package io.reelx.exchange.listing.api;

import io.reelx.api.model.Deduction;
import io.reelx.api.model.RateSchedule;
import io.reelx.api.model.RateTier;
import io.reelx.api.model.RevenueShare;
import io.reelx.api.model.RevenueShareBasis;
import io.reelx.api.model.SettlementPayee;
import io.reelx.api.model.SettlementTerms;
import io.reelx.api.model.WithholdingTax;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.DeductionShare;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.PayeeShare;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.Share;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.ShareSchedule;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.TierRate;
import io.reelx.exchange.listing.domain.ListingSettlementTerms.Withholding;
import java.util.List;

/** Settlement terms between the API documents (listings, contracts) and their stored form. */
public final class SettlementTermsMapping {

  private SettlementTermsMapping() {}

  public static ListingSettlementTerms fromApi(SettlementTerms t) {
    if (t == null) {
      return null;
    }
    RevenueShare s = t.getRevenueShare();
    Share share = s == null ? null : new Share(s.getBasis() == null ? null : s.getBasis().name(),
        s.getRateBasisPoints(),
        s.getDeductions() == null ? List.of()
            : s.getDeductions().stream().map(d -> d == null ? null
                : new DeductionShare(d.getName(), d.getBasisPoints() == null ? -1 : d.getBasisPoints()))
                .collect(java.util.stream.Collectors.toList()),
        schedule(s.getSchedule()));
    return new ListingSettlementTerms(t.getLicenceFee(),
        t.getLicenceFeeRecurrence() == null ? null : t.getLicenceFeeRecurrence().name(),
        t.getMinimumGuarantee(), share,
        t.getPayees() == null ? List.of() : t.getPayees().stream()
            .map(p -> p == null ? null : new PayeeShare(p.getOrganizationId(),
                p.getShareBasisPoints() == null ? 0 : p.getShareBasisPoints(), p.getCountry()))
            .collect(java.util.stream.Collectors.toList()),
        t.getExchangeFeeBasisPoints(),
        t.getWithholdingTax() == null ? null
            : new Withholding(t.getWithholdingTax().getBasisPoints(), t.getWithholdingTax().getPayerCountry()),
        t.getDeclaredPayableTolerance(), t.getNotes(),
        t.getOutOfWindowLines() == null ? null : t.getOutOfWindowLines().name());
  }

  private static ShareSchedule schedule(RateSchedule r) {
    if (r == null) {
      return null;
    }
    return new ShareSchedule(r.getMetric() == null ? null : r.getMetric().name(),
        r.getMode() == null ? null : r.getMode().name(),
        r.getAccumulation() == null ? null : r.getAccumulation().name(),
        r.getTiers() == null ? List.of() : r.getTiers().stream()
            .map(tier -> tier == null ? null : new TierRate(tier.getFrom(), tier.getBasisPoints(), tier.getMinorPerUnit()))
            .collect(java.util.stream.Collectors.toList()));
  }

  public static SettlementTerms toApi(ListingSettlementTerms s) {
    if (s == null) {
      return null;
    }
    SettlementTerms terms = new SettlementTerms()
        .licenceFee(s.licenceFee())
        .licenceFeeRecurrence(s.licenceFeeRecurrence() == null ? null
            : SettlementTerms.LicenceFeeRecurrenceEnum.valueOf(s.licenceFeeRecurrence()))
        .minimumGuarantee(s.minimumGuarantee())
        .exchangeFeeBasisPoints(s.exchangeFeeBasisPoints())
        .declaredPayableTolerance(s.declaredPayableTolerance())
        .notes(s.notes())
        .outOfWindowLines(s.outOfWindowLines() == null ? null
            : SettlementTerms.OutOfWindowLinesEnum.valueOf(s.outOfWindowLines()));
    if (!s.payees().isEmpty()) {
      terms.payees(s.payees().stream()
          .map(p -> new SettlementPayee(p.organizationId(), p.shareBasisPoints(), p.country())).toList());
    }
    if (s.withholdingTax() != null) {
      terms.withholdingTax(new WithholdingTax(s.withholdingTax().basisPoints(), s.withholdingTax().payerCountry()));
    }
    Share share = s.revenueShare();
    if (share != null) {
      RevenueShare api = new RevenueShare(share.basis() == null ? null : RevenueShareBasis.valueOf(share.basis()))
          .rateBasisPoints(share.rateBasisPoints());
      if (!share.deductions().isEmpty()) {
        api.deductions(share.deductions().stream().map(d -> new Deduction(d.name(), d.basisPoints())).toList());
      }
      ShareSchedule t = share.schedule();
      if (t != null) {
        api.schedule(new RateSchedule(RateSchedule.MetricEnum.valueOf(t.metric()), RateSchedule.ModeEnum.valueOf(t.mode()),
            t.tiers().stream().map(tier -> new RateTier(tier.from()).basisPoints(tier.basisPoints())
                .minorPerUnit(tier.minorPerUnit())).toList())
            .accumulation(t.accumulation() == null ? null : RateSchedule.AccumulationEnum.valueOf(t.accumulation())));
      }
      terms.revenueShare(api);
    }
    return terms;
  }
}
