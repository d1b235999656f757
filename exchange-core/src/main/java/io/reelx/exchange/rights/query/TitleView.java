package io.reelx.exchange.rights.query;

import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import java.time.Instant;

public record TitleView(
    TitleId id,
    String ownerOrganizationId,
    String name,
    String originalName,
    TitleKind kind,
    int episodes,
    int minutesPerEpisode,
    String originalLanguage,
    int productionYear,
    String synopsis,
    Instant registeredAt) {}
