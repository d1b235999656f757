package io.reelx.settlement.report.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The territories and media a contract licenses, as report lines name them: ISO 3166-1 alpha-2
 * codes and medium names ({@code SVOD}, {@code AVOD}; a parent such as {@code VOD} only when the
 * licence covers all of it). A line's {@code territory} must be one of the territories and its
 * {@code channel} one of the media (case aside); revenue earned anywhere else was earned outside
 * the licence. Report lines carry no language, so languages are not checked here.
 */
public record LicensedWindow(Set<String> territories, Set<String> media) {

  public LicensedWindow {
    Objects.requireNonNull(territories, "territories");
    Objects.requireNonNull(media, "media");
    territories = Set.copyOf(new TreeSet<>(territories));
    TreeSet<String> names = new TreeSet<>();
    media.forEach(m -> names.add(m.toUpperCase(Locale.ROOT)));
    media = Set.copyOf(names);
  }

  public boolean covers(ReportLine line) {
    return errors(line.lineNumber(), line.territory(), line.channel()).isEmpty();
  }

  /**
   * Why a line's territory and channel fall outside the licence, one error per field (none if
   * inside). Both values are assumed well-formed ({@link ReportLineValidator} checks that first).
   */
  public List<LineError> errors(long lineNumber, String territory, String channel) {
    List<LineError> errors = new ArrayList<>(2);
    if (!territories.contains(territory)) {
      errors.add(new LineError(lineNumber, CsvFormat.TERRITORY,
          "'" + territory + "' is outside the licensed territories " + sorted(territories)));
    }
    if (!media.contains(channel.toUpperCase(Locale.ROOT))) {
      errors.add(new LineError(lineNumber, CsvFormat.CHANNEL,
          "'" + channel + "' is outside the licensed media " + sorted(media)));
    }
    return errors;
  }

  /** At most 20 names, so that a worldwide licence does not make every error a page long. */
  private static String sorted(Set<String> names) {
    List<String> list = new ArrayList<>(new TreeSet<>(names));
    return list.size() <= 20 ? String.join(", ", list)
        : String.join(", ", list.subList(0, 20)) + " and " + (list.size() - 20) + " more";
  }
}
