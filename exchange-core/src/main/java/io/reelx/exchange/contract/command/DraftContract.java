package io.reelx.exchange.contract.command;

import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Draft the contract for an awarded listing (sent by {@link ContractDrafting}, never by users). */
public record DraftContract(
    @TargetAggregateIdentifier ContractId contractId,
    String listingId,
    String titleId,
    String titleName,
    PartyTerms licensor,
    PartyTerms licensee,
    WindowTerms window,
    boolean exclusive,
    boolean sublicensable,
    long price,
    String currency,
    long depositApplied,
    int signingDays,
    ListingSettlementTerms settlementTerms,
    Instant awardedAt) {}
