package io.reelx.settlement.reconciliation.domain;

import io.reelx.settlement.eventsourcing.EventSourced;
import io.reelx.settlement.eventsourcing.Refused;
import io.reelx.settlement.reconciliation.domain.ReconciliationEvent.DiscrepancyFound;
import io.reelx.settlement.reconciliation.domain.ReconciliationEvent.DiscrepancyResolved;
import io.reelx.settlement.reconciliation.domain.ReconciliationEvent.PeriodReconciled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A period's reconciliation as a pure event-sourced stream. A run ({@link Run}) brings what {@link
 * PayableReconciliation} and {@link PaymentReconciliation} found: a new mismatch, or an open one
 * with other figures, is found; an open one the run no longer finds is cleared; a resolved one is
 * left alone. Finance resolves an open discrepancy once.
 */
public final class PeriodReconciliation implements EventSourced<PeriodReconciliation.Command, ReconciliationEvent> {

  /** A discrepancy as a run found it, with the contract and counterparty it concerns (either may be null). */
  public record Found(Discrepancy discrepancy, String contractId, String counterparty) {}

  public sealed interface Command {
    String period();
  }

  public record Run(String period, int payablesChecked, int paymentsChecked, List<Found> found, Instant at) implements Command {}

  public record Resolve(String period, String discrepancyId, Resolution resolution) implements Command {}

  /**
   * A discrepancy found outside a run, when a report was accepted with lines outside the licence
   * (terms {@code outOfWindowLines: DISCREPANCY}). A run never clears it: only finance resolves it.
   */
  public record Flag(String period, Found found, Instant at) implements Command {}

  /**
   * Discrepancies stored before reconciliation was recorded as events: the stream starts with them
   * as they stand (found, and resolved if they were).
   */
  public record Adopt(String period, List<Found> found, Instant at) implements Command {}

  private final Map<String, Discrepancy> discrepancies = new LinkedHashMap<>();

  public static String streamIdOf(String period) {
    return "reconciliation-" + period;
  }

  @Override
  public List<ReconciliationEvent> decide(Command command) {
    if (command instanceof Run c) {
      List<ReconciliationEvent> events = new ArrayList<>();
      List<String> stillFound = new ArrayList<>();
      for (Found f : c.found()) {
        Discrepancy d = f.discrepancy();
        stillFound.add(d.id());
        Discrepancy known = discrepancies.get(d.id());
        if (known == null || (known.isOpen() && !sameFigures(known, d))) {
          events.add(new DiscrepancyFound(c.period(), d, f.contractId(), f.counterparty(), c.at()));
        }
      }
      for (Discrepancy known : discrepancies.values()) {
        if (known.isOpen() && !stillFound.contains(known.id()) && known.kind() != Discrepancy.Kind.OUT_OF_WINDOW_LINES) {
          events.add(new DiscrepancyResolved(c.period(), known.id(), new Resolution(Resolution.Outcome.CLEARED,
              "No longer found when " + c.period() + " was reconciled again", "reconciliation", c.at())));
        }
      }
      events.add(new PeriodReconciled(c.period(), c.payablesChecked(), c.paymentsChecked(), stillFound, c.at()));
      return events;
    } else if (command instanceof Resolve c) {
      Discrepancy d = discrepancies.get(c.discrepancyId());
      if (d == null) {
        throw Refused.notFound("discrepancy", c.discrepancyId());
      }
      if (!d.isOpen()) {
        throw Refused.conflict("Discrepancy " + d.id() + " was already resolved (" + d.resolution().outcome() + ")");
      }
      return List.of(new DiscrepancyResolved(c.period(), d.id(), c.resolution()));
    } else if (command instanceof Flag c) {
      Discrepancy d = c.found().discrepancy();
      return discrepancies.containsKey(d.id()) ? List.of()
          : List.of(new DiscrepancyFound(c.period(), d, c.found().contractId(), c.found().counterparty(), c.at()));
    } else {
      Adopt c = (Adopt) command;
      List<ReconciliationEvent> events = new ArrayList<>();
      for (Found f : c.found()) {
        if (discrepancies.containsKey(f.discrepancy().id())) {
          continue;
        }
        Discrepancy d = f.discrepancy();
        events.add(new DiscrepancyFound(c.period(), new Discrepancy(d.id(), d.kind(), d.subject(), d.expected(), d.actual(),
            d.difference(), d.explanation(), d.details(), null), f.contractId(), f.counterparty(), c.at()));
        if (d.resolution() != null) {
          events.add(new DiscrepancyResolved(c.period(), d.id(), d.resolution()));
        }
      }
      return events;
    }
  }

  private static boolean sameFigures(Discrepancy a, Discrepancy b) {
    return a.expected().equals(b.expected()) && a.actual().equals(b.actual()) && Objects.equals(a.explanation(), b.explanation())
        && a.details().equals(b.details());
  }

  @Override
  public void evolve(ReconciliationEvent event) {
    if (event instanceof DiscrepancyFound e) {
      discrepancies.put(e.discrepancy().id(), e.discrepancy());
    } else if (event instanceof DiscrepancyResolved e) {
      discrepancies.computeIfPresent(e.discrepancyId(), (id, d) -> d.resolve(e.resolution()));
    }
  }

  public boolean isEmpty() {
    return discrepancies.isEmpty();
  }

  public Optional<Discrepancy> discrepancy(String id) {
    return Optional.ofNullable(discrepancies.get(id));
  }
}
