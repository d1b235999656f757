package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import java.util.List;

/**
 * What importing a file would do: titles to register, holdings to record (each naming the rows it
 * comes from), and how many rows were already recorded or only name a title. Valid only when
 * {@code errors} is empty.
 */
public record ImportPlan(
    List<NewTitle> newTitles,
    List<PlannedHolding> holdings,
    int rowsRead,
    int rowsAlreadyRecorded,
    int rowsWithoutRights,
    List<RowError> errors) {

  public ImportPlan {
    newTitles = List.copyOf(newTitles);
    holdings = List.copyOf(holdings);
    errors = List.copyOf(errors);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  /** A title the file names that the holder does not have yet; {@code key} ties holdings to it. */
  public record NewTitle(String key, String name, String originalName, TitleKind kind, int episodes,
      int minutesPerEpisode, String originalLanguage, int productionYear, int firstRow) {}

  /** A holding to record, in an existing title ({@code titleId}) or a new one ({@code newTitleKey}). */
  public record PlannedHolding(TitleId titleId, String newTitleKey, RightsWindow window, boolean exclusive,
      boolean sublicensable, List<Integer> rows) {
    public PlannedHolding {
      rows = List.copyOf(rows);
    }
  }
}
