package io.reelx.settlement.terms.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid settlement terms, shared by the property tests. */
public final class TermsArbitraries {

  private TermsArbitraries() {}

  public static Arbitrary<SettlementTerms> validTerms() {
    Arbitrary<FlatFee> flatFee = Combinators.combine(Arbitraries.longs().between(1, 1_000_000_000L),
        Arbitraries.of(FlatFee.Recurrence.class)).as(FlatFee::new).injectNull(0.6);
    Arbitrary<MinimumGuarantee> mg = Arbitraries.longs().between(1, 10_000_000_000L).map(MinimumGuarantee::new).injectNull(0.4);
    Arbitrary<WithholdingTax> tax = Arbitraries.longs().between(0, 3000).map(bp -> new WithholdingTax(bp, "CN")).injectNull(0.5);
    Arbitrary<Boolean> feeOnly = Arbitraries.of(true, false, false, false, false, false, false, false, false, false);
    return Combinators.combine(flatFee, mg, revenueShare(), feeOnly, payees(), Arbitraries.longs().between(0, 2000), tax)
        .as((fee, guarantee, share, onlyTheFee, payees, feeBp, wht) -> {
          RevenueShare s = onlyTheFee && fee != null ? null : share;
          return new SettlementTerms("CNY", fee, s == null ? null : guarantee, s, payees, feeBp, wht, 0);
        })
        .filter(t -> TermsValidator.validate(t).isEmpty());
  }

  public static Arbitrary<RevenueShare> revenueShare() {
    Arbitrary<List<Deduction>> deductions = Arbitraries.longs().between(0, 10_000).list().ofMaxSize(3).map(bps -> {
      List<Deduction> list = new ArrayList<>();
      for (int i = 0; i < bps.size(); i++) {
        list.add(new Deduction("d" + i, bps.get(i)));
      }
      return list;
    });
    return Combinators.combine(Arbitraries.of(Basis.class), deductions, schedule())
        .as((basis, ds, schedule) -> new RevenueShare(basis, basis == Basis.NET ? ds : List.of(), schedule));
  }

  public static Arbitrary<RateSchedule> schedule() {
    return Arbitraries.of(Metric.class).flatMap(metric -> Combinators.combine(Arbitraries.of(TierMode.class),
        Arbitraries.of(Accumulation.class), tiers(metric)).as((mode, accumulation, tiers) -> new RateSchedule(metric, mode, accumulation, tiers)));
  }

  public static Arbitrary<List<Tier>> tiers(Metric metric) {
    Arbitrary<List<Long>> gaps = Arbitraries.longs().between(1, 20_000_000L).list().ofMinSize(0).ofMaxSize(4);
    Arbitrary<Rate> rate = metric == Metric.REVENUE ? percent() : Arbitraries.oneOf(percent(), perUnit());
    return Combinators.combine(gaps, rate.list().ofSize(5)).as((g, rates) -> {
      List<Tier> tiers = new ArrayList<>();
      long from = 0;
      tiers.add(new Tier(BigDecimal.ZERO, rates.get(0)));
      for (int i = 0; i < g.size(); i++) {
        from += g.get(i);
        tiers.add(new Tier(BigDecimal.valueOf(from), rates.get(i + 1)));
      }
      return tiers;
    });
  }

  public static Arbitrary<Rate> percent() {
    return Arbitraries.longs().between(0, 30_000).map(Rate.Percent::new);
  }

  public static Arbitrary<Rate> perUnit() {
    return Arbitraries.longs().between(0, 5_000_000).map(n -> new Rate.PerUnit(BigDecimal.valueOf(n, 4)));
  }

  public static Arbitrary<List<Payee>> payees() {
    return Arbitraries.integers().between(1, 9_999).set().ofMaxSize(5).flatMap(cuts -> {
      List<Integer> points = new ArrayList<>(new TreeSet<>(cuts));
      points.add(10_000);
      List<Long> shares = new ArrayList<>();
      int previous = 0;
      for (int point : points) {
        shares.add((long) (point - previous));
        previous = point;
      }
      return Arbitraries.of("CN", "US", "HK").list().ofSize(shares.size()).map(countries -> {
        List<Payee> payees = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
          payees.add(new Payee(new OrganizationId("payee-" + i), shares.get(i), countries.get(i)));
        }
        return payees;
      });
    });
  }
}
