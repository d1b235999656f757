package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.TerritorySet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A counterparty's avails sheet against what ReelX shows for the same titles, read-only: rows the
 * sheet claims that ReelX does not show, rows ReelX shows that the sheet lacks, and rows both have
 * with a different status. Rows are compared by title, territory, licence type, start, end,
 * languages and exclusivity; a row whose cells cannot be read is reported as unreadable. At most
 * {@link #MAX_DIFFERENCES} differences are listed.
 */
public final class AvailsComparison {

  public static final int MAX_DIFFERENCES = 1000;

  public enum Kind { ONLY_IN_SHEET, ONLY_IN_REELX, STATUS_DIFFERS, UNKNOWN_TITLE, UNREADABLE_ROW }

  public record Difference(Kind kind, int row, String titleId, String title, String territory, String licenseType,
      LocalDate start, LocalDate end, List<String> languages, Boolean exclusive, String sheetStatus,
      String reelxStatus, String detail) {}

  public record Result(int rowsRead, int rowsMatched, List<Difference> differences, int differencesNotListed) {}

  private record Key(String titleId, String territory, String licenseType, LocalDate start, LocalDate end,
      List<String> languages, boolean exclusive) {}

  private record Claim(int row, String status, String contractId) {}

  private final Function<RawRow, Optional<CatalogueTitle>> titles;
  private final Map<String, CatalogueTitle> seen = new LinkedHashMap<>();
  private final Map<Key, Claim> sheet = new LinkedHashMap<>();
  private final List<Difference> differences = new ArrayList<>();
  private int notListed;
  private int rowsRead;

  /** {@code titles}: the ReelX title a sheet row names (by ContentID or name), if the caller may see it. */
  public AvailsComparison(Function<RawRow, Optional<CatalogueTitle>> titles) {
    this.titles = titles;
  }

  /** Reads one sheet row; a cell with control characters refuses the whole sheet. */
  public void accept(RawRow row) {
    rowsRead++;
    for (Map.Entry<EmaColumn, String> cell : row.cells().entrySet()) {
      String refusal = io.reelx.exchange.shared.domain.Text.refusal(cell.getValue());
      if (refusal != null) {
        throw new AvailsFileRefused("invalid-rows", "Row " + row.number() + " holds control characters",
            List.of(new RowError(row.number(), cell.getKey().header(), refusal)));
      }
    }
    Optional<CatalogueTitle> title = titles.apply(row);
    if (title.isEmpty()) {
      add(new Difference(Kind.UNKNOWN_TITLE, row.number(), row.get(EmaColumn.CONTENT_ID), row.get(EmaColumn.TITLE),
          row.get(EmaColumn.TERRITORY), row.get(EmaColumn.LICENSE_TYPE), null, null, List.of(), null,
          row.get(EmaColumn.AVAIL_STATUS), null, "no title of that ContentID or name that you can see"));
      return;
    }
    seen.putIfAbsent(title.get().id().value(), title.get());
    String status = row.get(EmaColumn.AVAIL_STATUS).isEmpty() ? AvailStatus.AVAILABLE.label()
        : AvailStatus.parse(row.get(EmaColumn.AVAIL_STATUS)).map(AvailStatus::label).orElse(row.get(EmaColumn.AVAIL_STATUS));
    if (status.equals(AvailStatus.NOT_HELD.label())) {
      sheet.put(new Key(title.get().id().value(), "", "", null, null, List.of(), false), new Claim(row.number(), status, ""));
      return;
    }
    try {
      String licenseType = LicenseTypes.of(LicenseTypes.parse(row.get(EmaColumn.LICENSE_TYPE)).orElseThrow(
          () -> new IllegalArgumentException("unknown licence type '" + row.get(EmaColumn.LICENSE_TYPE) + "'")));
      List<String> languages = List.copyOf(LanguageSet.parse(
          Arrays.asList(row.get(EmaColumn.ALLOWED_LANGUAGES).split("[,;\\s]+")), "AllowedLanguages").codes());
      LocalDate start = LocalDate.parse(row.get(EmaColumn.START));
      LocalDate end = LocalDate.parse(row.get(EmaColumn.END));
      boolean exclusive = row.get(EmaColumn.EXCLUSIVE).toLowerCase(java.util.Locale.ROOT).matches("yes|y|true");
      for (String territory : TerritorySet.parse(List.of(row.get(EmaColumn.TERRITORY)), "Territory").codes()) {
        sheet.put(new Key(title.get().id().value(), territory, licenseType, start, end, languages, exclusive),
            new Claim(row.number(), status, row.get(EmaColumn.CONTRACT_ID)));
      }
    } catch (RuntimeException e) {
      add(new Difference(Kind.UNREADABLE_ROW, row.number(), title.get().id().value(), title.get().name(),
          row.get(EmaColumn.TERRITORY), row.get(EmaColumn.LICENSE_TYPE), null, null, List.of(), null,
          row.get(EmaColumn.AVAIL_STATUS), null, String.valueOf(e.getMessage())));
    }
  }

  public Result result() {
    AvailsRows rows = new AvailsRows();
    int matched = 0;
    Map<Key, AvailRow> reelx = new LinkedHashMap<>();
    for (CatalogueTitle title : seen.values()) {
      rows.rows(title, r -> reelx.put(key(r), r));
    }
    for (Map.Entry<Key, Claim> claim : sheet.entrySet()) {
      Key k = claim.getKey();
      AvailRow shown = reelx.remove(k);
      CatalogueTitle title = seen.get(k.titleId());
      if (shown == null) {
        add(difference(Kind.ONLY_IN_SHEET, claim.getValue().row(), k, title, claim.getValue().status(), null,
            "the sheet claims this row; ReelX does not show it"));
      } else if (!shown.status().label().equals(claim.getValue().status())) {
        add(difference(Kind.STATUS_DIFFERS, claim.getValue().row(), k, title, claim.getValue().status(),
            shown.status().label(), shown.contractId().isEmpty() ? "" : "ReelX: under contract " + shown.contractId()));
      } else {
        matched++;
      }
    }
    reelx.forEach((k, r) -> add(difference(Kind.ONLY_IN_REELX, 0, k, seen.get(k.titleId()), null,
        r.status().label(), "ReelX shows this row; the sheet lacks it")));
    return new Result(rowsRead, matched, differences, notListed);
  }

  private static Key key(AvailRow r) {
    if (r.status() == AvailStatus.NOT_HELD) {
      return new Key(r.contentId(), "", "", null, null, List.of(), false);
    }
    return new Key(r.contentId(), r.territory(), r.licenseType(), r.start(), r.end(), r.allowedLanguages(),
        r.exclusive());
  }

  private static Difference difference(Kind kind, int row, Key k, CatalogueTitle title, String sheetStatus,
      String reelxStatus, String detail) {
    return new Difference(kind, row, k.titleId(), title == null ? "" : title.name(), k.territory(), k.licenseType(),
        k.start(), k.end(), k.languages(), k.start() == null ? null : k.exclusive(), sheetStatus, reelxStatus, detail);
  }

  private void add(Difference d) {
    if (differences.size() < MAX_DIFFERENCES) {
      differences.add(d);
    } else {
      notListed++;
    }
  }
}
