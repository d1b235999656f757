package io.reelx.exchange.listing.domain;

import io.reelx.exchange.rights.domain.WindowTerms;

public record ListingCreated(
    ListingId listingId,
    String titleId,
    String titleName,
    String holderOrganizationId,
    WindowTerms window,
    boolean exclusive,
    boolean sublicensable,
    SaleTerms sale,
    Schedule schedule,
    int signingDays,
    ListingSettlementTerms settlementTerms,
    String description)
    implements ListingEvent {}
