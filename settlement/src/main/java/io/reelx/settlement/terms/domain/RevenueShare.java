package io.reelx.settlement.terms.domain;

import java.util.List;

/** The licensor's share of revenue: basis, deductions (only for NET) and the rate schedule. */
public record RevenueShare(Basis basis, List<Deduction> deductions, RateSchedule schedule) {

  public RevenueShare {
    deductions = deductions == null ? List.of() : List.copyOf(deductions);
  }
}
