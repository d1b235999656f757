package io.reelx.settlement.agreement.domain;

import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A settlement agreement, opened when a licence contract becomes active: the licensee (the
 * platform that reports and pays), the licensor, the contract currency, the terms (payees
 * included) and the position settled so far (MG recouped, cumulative volume, flat fee charged).
 * {@code endsOn} is the last day the licence covered, once it was terminated or expired (null
 * while it runs): revenue of later months cannot be reported, earlier months still can.
 */
public record Agreement(
    String contractId,
    String currency,
    String licensorOrganizationId,
    String licenseeOrganizationId,
    SettlementTerms terms,
    SettlementPosition position,
    Instant openedAt,
    LocalDate endsOn) {

  public Agreement {
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(position, "position");
  }

  /** Whether revenue of {@code period} may be reported: the licence ran for at least part of it. */
  public boolean covers(YearMonth period) {
    return endsOn == null || !period.atDay(1).isAfter(endsOn);
  }

  /** Whether {@code organizationId} may see this agreement's statements (licensee, licensor or a payee). */
  public boolean concerns(String organizationId) {
    if (licensorOrganizationId.equals(organizationId) || licenseeOrganizationId.equals(organizationId)) {
      return true;
    }
    return terms.payees().stream().anyMatch(p -> p.organization().value().equals(organizationId));
  }
}
