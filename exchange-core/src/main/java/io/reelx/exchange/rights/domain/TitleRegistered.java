package io.reelx.exchange.rights.domain;

public record TitleRegistered(
    TitleId titleId,
    String ownerOrganizationId,
    String name,
    String originalName,
    TitleKind kind,
    int episodes,
    int minutesPerEpisode,
    String originalLanguage,
    int productionYear,
    String synopsis)
    implements TitleEvent {}
