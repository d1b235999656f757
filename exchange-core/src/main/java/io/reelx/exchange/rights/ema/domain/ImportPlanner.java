package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.ema.domain.HolderCatalogue.ExistingTitle;
import io.reelx.exchange.rights.ema.domain.ImportPlan.NewTitle;
import io.reelx.exchange.rights.ema.domain.ImportPlan.PlannedHolding;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the rows of an imported avails file one at a time and plans what they record. Every row is
 * checked and every problem kept (up to {@link #MAX_ERRORS}): unknown territory, licence type or
 * language, bad or reversed dates, missing columns, control characters, rows that contradict each
 * other (same cell, different exclusivity), titles named ambiguously. Rows already covered by a
 * holding with the same exclusivity and sublicensability are matched, not recorded again, so
 * importing a file twice changes nothing. The remaining rows are regrouped into holdings: rows that
 * share title, languages, term and flags become one holding per set of territories with the same
 * licence types.
 */
public final class ImportPlanner {

  public static final int MAX_ERRORS = 1000;

  private final HolderCatalogue catalogue;
  private final List<RowError> errors = new ArrayList<>();
  private int errorsOverLimit;
  private int rowsRead;
  private int alreadyRecorded;
  private int withoutRights;

  private final Map<String, Optional<ExistingTitle>> byId = new HashMap<>();
  private final Map<String, List<ExistingTitle>> byName = new HashMap<>();
  private final Map<String, NewTitle> newTitles = new LinkedHashMap<>();
  /** (title key, territory, licence type leaf) -> the rows seen for that cell, to find contradictions. */
  private final Map<String, List<Cell>> cells = new HashMap<>();
  private final Map<GroupKey, Group> groups = new LinkedHashMap<>();

  public ImportPlanner(HolderCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  private record Cell(int row, LanguageSet languages, Term term, boolean exclusive, boolean sublicensable) {}

  private record GroupKey(String titleKey, LanguageSet languages, Term term, boolean exclusive, boolean sublicensable) {}

  private static final class Group {
    final TreeMap<String, EnumSet<Media>> mediaByTerritory = new TreeMap<>();
    final TreeSet<Integer> rows = new TreeSet<>();
  }

  public void accept(RawRow row) {
    rowsRead++;
    int before = errors.size() + errorsOverLimit;
    for (Map.Entry<EmaColumn, String> cell : row.cells().entrySet()) {
      String refusal = Text.refusal(cell.getValue());
      if (refusal != null) {
        error(row, cell.getKey(), refusal);
      }
    }
    if (errors.size() + errorsOverLimit > before) {
      return;
    }
    AvailStatus status = AvailStatus.AVAILABLE;
    if (!row.get(EmaColumn.AVAIL_STATUS).isEmpty()) {
      Optional<AvailStatus> parsed = AvailStatus.parse(row.get(EmaColumn.AVAIL_STATUS));
      if (parsed.isEmpty()) {
        error(row, EmaColumn.AVAIL_STATUS, "unknown status '" + row.get(EmaColumn.AVAIL_STATUS)
            + "': Available, Granted or NotHeld");
        return;
      }
      status = parsed.get();
    }
    String titleKey = title(row);
    if (status == AvailStatus.NOT_HELD) {
      withoutRights++;
      return;
    }
    TerritorySet territories = required(row, EmaColumn.TERRITORY)
        ? parse(row, EmaColumn.TERRITORY, v -> TerritorySet.parse(List.of(v), "Territory")) : null;
    Media leaf = null;
    if (required(row, EmaColumn.LICENSE_TYPE)) {
      leaf = LicenseTypes.parse(row.get(EmaColumn.LICENSE_TYPE)).orElse(null);
      if (leaf == null) {
        error(row, EmaColumn.LICENSE_TYPE, "unknown licence type '" + row.get(EmaColumn.LICENSE_TYPE) + "': one of "
            + String.join(", ", LicenseTypes.accepted().keySet()));
      }
    }
    LocalDate start = required(row, EmaColumn.START) ? date(row, EmaColumn.START) : null;
    LocalDate end = required(row, EmaColumn.END) ? date(row, EmaColumn.END) : null;
    if (start != null && end != null && end.isBefore(start)) {
      error(row, EmaColumn.END, "End " + end + " is before Start " + start);
      end = null;
    }
    LanguageSet languages = required(row, EmaColumn.ALLOWED_LANGUAGES)
        ? parse(row, EmaColumn.ALLOWED_LANGUAGES, v -> LanguageSet.parse(Arrays.asList(v.split("[,;\\s]+")),
            "AllowedLanguages")) : null;
    Boolean exclusive = required(row, EmaColumn.EXCLUSIVE) ? yesNo(row, EmaColumn.EXCLUSIVE) : null;
    Boolean sublicensable = row.get(EmaColumn.SUBLICENSABLE).isEmpty() ? Boolean.FALSE
        : yesNo(row, EmaColumn.SUBLICENSABLE);
    if (titleKey == null || territories == null || leaf == null || start == null || end == null || languages == null
        || exclusive == null || sublicensable == null) {
      return;
    }
    Term term = new Term(start, end);
    Cell mine = new Cell(row.number(), languages, term, exclusive, sublicensable);
    boolean recorded = true;
    for (String territory : territories.codes()) {
      List<Cell> seen = cells.computeIfAbsent(titleKey + "|" + territory + "|" + leaf, k -> new ArrayList<>());
      for (Cell other : seen) {
        if (other.term().overlaps(term) && other.languages().intersects(languages)
            && (other.exclusive() != exclusive || other.sublicensable() != sublicensable)) {
          error(row, EmaColumn.EXCLUSIVE, "contradicts row " + other.row() + ": the same territory " + territory
              + ", licence type, languages and days with a different Exclusive or Sublicensable");
          return;
        }
      }
      seen.add(mine);
      RightsWindow cellWindow = new RightsWindow(TerritorySet.of(territory), MediaSet.of(leaf), languages, term);
      if (!alreadyHeld(titleKey, cellWindow, exclusive, sublicensable)) {
        recorded = false;
        Group group = groups.computeIfAbsent(new GroupKey(titleKey, languages, term, exclusive, sublicensable),
            k -> new Group());
        group.mediaByTerritory.computeIfAbsent(territory, t -> EnumSet.noneOf(Media.class)).add(leaf);
        group.rows.add(row.number());
      }
    }
    if (recorded) {
      alreadyRecorded++;
    }
  }

  public ImportPlan plan() {
    List<RowError> all = new ArrayList<>(errors);
    if (errorsOverLimit > 0) {
      all.add(new RowError(0, "", errorsOverLimit + " more errors not listed"));
    }
    List<PlannedHolding> holdings = new ArrayList<>();
    if (all.isEmpty()) {
      groups.forEach((key, group) -> {
        Map<Set<Media>, TreeSet<String>> territoriesByMedia = new LinkedHashMap<>();
        group.mediaByTerritory.forEach((territory, media) ->
            territoriesByMedia.computeIfAbsent(media, m -> new TreeSet<>()).add(territory));
        territoriesByMedia.forEach((media, territories) -> {
          RightsWindow window = new RightsWindow(TerritorySet.of(territories), MediaSet.of(media), key.languages(),
              key.term());
          boolean existing = key.titleKey().startsWith("id:");
          holdings.add(new PlannedHolding(existing ? new TitleId(key.titleKey().substring(3)) : null,
              existing ? null : key.titleKey(), window, key.exclusive(), key.sublicensable(),
              List.copyOf(group.rows)));
        });
      });
    }
    return new ImportPlan(all.isEmpty() ? List.copyOf(newTitles.values()) : List.of(), holdings, rowsRead,
        alreadyRecorded, withoutRights, all);
  }

  // ---------------------------------------------------------------- titles

  /** The key of the row's title: "id:<titleId>" for one of the holder's, else the new title's key; null on error. */
  private String title(RawRow row) {
    String contentId = row.get(EmaColumn.CONTENT_ID);
    String name = row.get(EmaColumn.TITLE);
    if (!contentId.isEmpty()) {
      Optional<ExistingTitle> existing = byId.computeIfAbsent(contentId, catalogue::byId);
      if (existing.isPresent()) {
        return "id:" + existing.get().id().value();
      }
    }
    if (name.isEmpty()) {
      if (contentId.isEmpty()) {
        error(row, EmaColumn.TITLE, "a title needs a ContentID or a TitleDisplayUnlimited");
        return null;
      }
    } else {
      List<ExistingTitle> named = byName.computeIfAbsent(name, catalogue::byName);
      if (named.size() > 1) {
        error(row, EmaColumn.TITLE, "more than one of your titles is named '" + name + "': give its ContentID");
        return null;
      }
      if (named.size() == 1) {
        byId.putIfAbsent(named.get(0).id().value(), Optional.of(named.get(0)));
        return "id:" + named.get(0).id().value();
      }
    }
    String key = contentId.isEmpty() ? "name:" + name : "cid:" + contentId;
    NewTitle facts = newTitle(row, key, name);
    if (facts == null) {
      return null;
    }
    NewTitle first = newTitles.putIfAbsent(key, facts);
    if (first != null && !sameFacts(first, facts)) {
      error(row, EmaColumn.TITLE, "describes the new title differently from row " + first.firstRow());
      return null;
    }
    return key;
  }

  private NewTitle newTitle(RawRow row, String key, String name) {
    int before = errors.size() + errorsOverLimit;
    if (name.isEmpty()) {
      error(row, EmaColumn.TITLE, "a title the exchange does not know yet needs a TitleDisplayUnlimited");
    } else if (name.length() > 200) {
      error(row, EmaColumn.TITLE, "at most 200 characters");
    }
    TitleKind kind = kind(row);
    int episodes = row.get(EmaColumn.EPISODE_COUNT).isEmpty() ? 1 : number(row, EmaColumn.EPISODE_COUNT, 1, 100_000);
    int minutes = number(row, EmaColumn.EPISODE_MINUTES, 1, 100_000);
    int year = number(row, EmaColumn.RELEASE_YEAR, 1888, 2100);
    String language = row.get(EmaColumn.ORIGINAL_LANGUAGE).toLowerCase(Locale.ROOT);
    if (language.isEmpty()) {
      error(row, EmaColumn.ORIGINAL_LANGUAGE, "is required to register a new title");
    } else {
      parse(row, EmaColumn.ORIGINAL_LANGUAGE, v -> LanguageSet.parse(List.of(v), "OriginalLanguage"));
    }
    String original = row.get(EmaColumn.ORIGINAL_TITLE);
    if (original.length() > 200) {
      error(row, EmaColumn.ORIGINAL_TITLE, "at most 200 characters");
    }
    if (errors.size() + errorsOverLimit > before || kind == null) {
      return null;
    }
    return new NewTitle(key, name, original.isEmpty() ? null : original, kind, episodes, minutes, language, year,
        row.number());
  }

  private static boolean sameFacts(NewTitle a, NewTitle b) {
    return a.name().equals(b.name()) && Objects.equals(a.originalName(), b.originalName()) && a.kind() == b.kind()
        && a.episodes() == b.episodes() && a.minutesPerEpisode() == b.minutesPerEpisode()
        && a.originalLanguage().equals(b.originalLanguage()) && a.productionYear() == b.productionYear();
  }

  private TitleKind kind(RawRow row) {
    String kind = row.get(EmaColumn.TITLE_KIND).toUpperCase(Locale.ROOT);
    if (!kind.isEmpty()) {
      try {
        return TitleKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        error(row, EmaColumn.TITLE_KIND, "unknown title kind '" + row.get(EmaColumn.TITLE_KIND) + "': one of "
            + Arrays.toString(TitleKind.values()));
        return null;
      }
    }
    String workType = row.get(EmaColumn.WORK_TYPE).toLowerCase(Locale.ROOT);
    switch (workType) {
      case "movie", "short" -> {
        return TitleKind.FILM;
      }
      case "series", "season", "episode" -> {
        return TitleKind.SERIES;
      }
      default -> {
        error(row, EmaColumn.TITLE_KIND, "a new title needs a TitleKind (" + Arrays.toString(TitleKind.values())
            + ") or a WorkType of Movie or Series");
        return null;
      }
    }
  }

  // ---------------------------------------------------------------- holdings already there

  private boolean alreadyHeld(String titleKey, RightsWindow cell, boolean exclusive, boolean sublicensable) {
    if (!titleKey.startsWith("id:")) {
      return false;
    }
    ExistingTitle title = byId.get(titleKey.substring(3)).orElseThrow();
    for (Holding h : title.holdings()) {
      if (h.exclusive() == exclusive && h.sublicensable() == sublicensable && h.window().containsAll(cell)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- cells

  private boolean required(RawRow row, EmaColumn column) {
    if (row.get(column).isEmpty()) {
      error(row, column, "is required");
      return false;
    }
    return true;
  }

  private <T> T parse(RawRow row, EmaColumn column, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(row.get(column));
    } catch (InvalidValue e) {
      error(row, column, e.reason());
      return null;
    }
  }

  private LocalDate date(RawRow row, EmaColumn column) {
    String value = row.get(column);
    try {
      return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      error(row, column, "'" + value + "' is not a date (YYYY-MM-DD)");
      return null;
    }
  }

  private Boolean yesNo(RawRow row, EmaColumn column) {
    switch (row.get(column).toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true" -> {
        return Boolean.TRUE;
      }
      case "no", "n", "false" -> {
        return Boolean.FALSE;
      }
      default -> {
        error(row, column, "'" + row.get(column) + "' is not Yes or No");
        return null;
      }
    }
  }

  private int number(RawRow row, EmaColumn column, int min, int max) {
    String value = row.get(column);
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        error(row, column, n + " is outside " + min + ".." + max);
      }
      return n;
    } catch (NumberFormatException e) {
      error(row, column, value.isEmpty() ? "is required to register a new title" : "'" + value + "' is not a whole number");
      return min;
    }
  }

  private void error(RawRow row, EmaColumn column, String reason) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new RowError(row.number(), column.header(), reason));
    } else {
      errorsOverLimit++;
    }
  }
}
