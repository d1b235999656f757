package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.TitleId;
import java.util.List;
import java.util.Optional;

/** The importing holder's own titles, as the import planner looks them up. */
public interface HolderCatalogue {

  Optional<ExistingTitle> byId(String titleId);

  List<ExistingTitle> byName(String name);

  record ExistingTitle(TitleId id, String name, List<Holding> holdings) {}
}
