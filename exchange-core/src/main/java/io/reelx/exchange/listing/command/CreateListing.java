package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateListing(
    @TargetAggregateIdentifier ListingId listingId,
    Actor actor,
    TitleId titleId,
    RightsWindow window,
    boolean exclusive,
    boolean sublicensable,
    SaleTerms sale,
    Schedule schedule,
    int signingDays,
    ListingSettlementTerms settlementTerms,
    String description) {}
