package io.reelx.exchange.rights.ema.domain;

import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.HoldingRecorded;
import io.reelx.exchange.rights.domain.RightsGrantCut;
import io.reelx.exchange.rights.domain.RightsGranted;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An organisation's titles, holdings and grants as they stood at the end of a day (UTC), folded from
 * the events in log order: titles registered, holdings recorded, grants made (a contract's activation), and
 * cuts of them (its termination) ({@link Grant#terminatedFrom}). Events after the day are ignored.
 */
public final class RightsAsOf {

  /** The event types the fold reads (grants by the rights view of them); others need not even be deserialised. */
  public static final List<Class<?>> READS =
      List.of(TitleRegistered.class, HoldingRecorded.class, RightsGranted.class, RightsGrantCut.class);

  private static final ClassValue<Boolean> READ = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return READS.stream().anyMatch(read -> read.isAssignableFrom(type));
    }
  };

  /** Whether the fold reads events of {@code payloadType} ({@link #READS} or an implementation). */
  public static boolean reads(Class<?> payloadType) {
    return READ.get(payloadType);
  }

  private final String organizationId;
  private final Optional<TitleId> only;
  private final Instant cutoff;
  private final Map<String, TitleRegistered> titles = new LinkedHashMap<>();
  private final Map<String, List<Holding>> holdings = new HashMap<>();
  private final Map<String, RightsGranted> activated = new LinkedHashMap<>();
  private final Map<String, LocalDate> terminated = new HashMap<>();

  public RightsAsOf(String organizationId, Optional<TitleId> only, LocalDate asOf) {
    this.organizationId = organizationId;
    this.only = only;
    this.cutoff = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public boolean counts(Instant at) {
    return at.isBefore(cutoff);
  }

  public void accept(Object event, Instant at) {
    if (!counts(at)) {
      return;
    }
    if (event instanceof TitleRegistered r && r.ownerOrganizationId().equals(organizationId)
        && only.map(id -> id.equals(r.titleId())).orElse(true)) {
      titles.put(r.titleId().value(), r);
    } else if (event instanceof HoldingRecorded h) {
      holdings.computeIfAbsent(h.titleId().value(), k -> new ArrayList<>()).add(new Holding(
          new HoldingId(h.holdingId()), h.window().toWindow(), h.exclusive(), h.sublicensable(), h.evidenceSha256()));
    } else if (event instanceof RightsGranted a) {
      activated.put(a.grantId(), a);
    } else if (event instanceof RightsGrantCut t) {
      terminated.merge(t.grantId(), t.effectiveFrom(), (x, y) -> x.isBefore(y) ? x : y);
    }
  }

  /** The titles, by name then id, each with its holdings and the grants in force. */
  public void titles(Function<String, String> licensorName, Consumer<CatalogueTitle> out) {
    Map<String, List<Grant>> grants = new HashMap<>();
    activated.forEach((id, a) -> {
      if (!titles.containsKey(a.titleId())) {
        return;
      }
      Optional<Grant> grant = Optional.of(new Grant(id, a.window().toWindow(), a.exclusive()));
      LocalDate from = terminated.get(id);
      if (from != null) {
        grant = grant.get().terminatedFrom(from);
      }
      grant.ifPresent(g -> grants.computeIfAbsent(a.titleId(), k -> new ArrayList<>()).add(g));
    });
    titles.values().stream()
        .sorted(Comparator.comparing(TitleRegistered::name).thenComparing(r -> r.titleId().value()))
        .forEach(r -> out.accept(new CatalogueTitle(r.titleId(), licensorName.apply(r.ownerOrganizationId()),
            r.name(), r.originalName(), r.kind(), r.episodes(), r.minutesPerEpisode(), r.originalLanguage(),
            r.productionYear(), holdings.getOrDefault(r.titleId().value(), List.of()),
            grants.getOrDefault(r.titleId().value(), List.of()))));
  }
}
