package io.reelx.exchange.rights.command;

import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterTitle(
    @TargetAggregateIdentifier TitleId titleId,
    String ownerOrganizationId,
    String name,
    String originalName,
    TitleKind kind,
    int episodes,
    int minutesPerEpisode,
    String originalLanguage,
    int productionYear,
    String synopsis) {}
