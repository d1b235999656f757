package io.reelx.exchange.rights.domain;

import io.reelx.exchange.shared.domain.InvalidValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A licence term in calendar days, both ends inclusive: [2026-01-01, 2026-01-01] is one day. */
public record Term(LocalDate start, LocalDate end) {

  static final Comparator<Term> ORDER = Comparator.comparing(Term::start).thenComparing(Term::end);

  public Term {
    if (start == null) {
      throw new InvalidValue("term.start", "is required");
    }
    if (end == null) {
      throw new InvalidValue("term.end", "is required");
    }
    if (end.isBefore(start)) {
      throw new InvalidValue("term.end", "must not be before term.start " + start);
    }
  }

  public static Term of(LocalDate start, LocalDate end) {
    return new Term(start, end);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  public boolean overlaps(Term other) {
    return !other.end.isBefore(start) && !other.start.isAfter(end);
  }

  public boolean contains(Term other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  public Optional<Term> intersection(Term other) {
    if (!overlaps(other)) {
      return Optional.empty();
    }
    LocalDate s = start.isAfter(other.start) ? start : other.start;
    LocalDate e = end.isBefore(other.end) ? end : other.end;
    return Optional.of(new Term(s, e));
  }

  /**
   * The parts of {@code base} that no cut covers, in date order, each as long as possible (two
   * results never touch). Cuts may overlap each other, touch, or reach outside {@code base}.
   */
  public static List<Term> minus(Term base, List<Term> cuts) {
    List<Term> sorted = new ArrayList<>(cuts);
    sorted.sort(ORDER);
    List<Term> result = new ArrayList<>();
    LocalDate cursor = base.start; // first day not yet known to be covered or reported
    for (Term cut : sorted) {
      if (cut.end.isBefore(cursor)) {
        continue;
      }
      if (cut.start.isAfter(base.end)) {
        break;
      }
      if (cut.start.isAfter(cursor)) {
        result.add(new Term(cursor, cut.start.minusDays(1)));
      }
      if (!cut.end.isBefore(base.end)) {
        return List.copyOf(result); // covered to the end; also avoids LocalDate.MAX + 1
      }
      cursor = cut.end.plusDays(1);
    }
    result.add(new Term(cursor, base.end));
    return List.copyOf(result);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + "]";
  }
}
