package io.reelx.exchange.listing.domain;

import io.reelx.exchange.shared.domain.InvalidValue;

/**
 * The settlement terms the contract will carry, as the holder states them on the listing:
 * a flat licence fee and/or a minimum guarantee (minor units of the listing currency), and a
 * revenue share in basis points of GROSS or NET revenue (above 10,000 = bonus coefficient).
 */
public record ListingSettlementTerms(
    Long licenceFee, Long minimumGuarantee, String revenueShareBasis, Integer revenueShareBasisPoints, String notes) {

  public static final int MAX_BASIS_POINTS = 100_000;

  public ListingSettlementTerms {
    if (licenceFee != null && licenceFee < 0) {
      throw new InvalidValue("settlementTerms.licenceFee", "must not be negative");
    }
    if (minimumGuarantee != null && minimumGuarantee < 0) {
      throw new InvalidValue("settlementTerms.minimumGuarantee", "must not be negative");
    }
    if ((revenueShareBasis == null) != (revenueShareBasisPoints == null)) {
      throw new InvalidValue("settlementTerms.revenueShare", "needs both a basis and a rate");
    }
    if (revenueShareBasis != null && !revenueShareBasis.equals("GROSS") && !revenueShareBasis.equals("NET")) {
      throw new InvalidValue("settlementTerms.revenueShare.basis", "must be GROSS or NET");
    }
    if (revenueShareBasisPoints != null
        && (revenueShareBasisPoints < 0 || revenueShareBasisPoints > MAX_BASIS_POINTS)) {
      throw new InvalidValue("settlementTerms.revenueShare.rateBasisPoints", "must be between 0 and " + MAX_BASIS_POINTS);
    }
  }
}
