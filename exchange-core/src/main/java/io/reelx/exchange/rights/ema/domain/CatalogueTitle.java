package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import java.util.List;

/** What the export needs to know of one title: its facts, its holder's name, its holdings and grants. */
public record CatalogueTitle(
    TitleId id,
    String licensor,
    String name,
    String originalName,
    TitleKind kind,
    int episodes,
    int minutesPerEpisode,
    String originalLanguage,
    int productionYear,
    List<Holding> holdings,
    List<Grant> grants) {

  public CatalogueTitle {
    holdings = List.copyOf(holdings);
    grants = List.copyOf(grants);
  }

  /** EMA WorkType: films and documentaries are a Movie, series and micro-dramas a Series. */
  public static String workType(TitleKind kind) {
    return switch (kind) {
      case FILM, DOCUMENTARY -> "Movie";
      case SERIES, MICRO_DRAMA, ANIMATION -> "Series";
    };
  }
}
