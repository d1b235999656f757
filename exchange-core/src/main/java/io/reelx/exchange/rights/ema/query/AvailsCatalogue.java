package io.reelx.exchange.rights.ema.query;

import io.reelx.exchange.contract.domain.ContractActivated;
import io.reelx.exchange.contract.domain.ContractTerminated;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.HoldingRecorded;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleRegistered;
import io.reelx.exchange.rights.ema.domain.CatalogueTitle;
import io.reelx.exchange.rights.query.HoldingView;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * The titles an export reads, with their holdings and grants: now, from the rights register; or as
 * they stood at the end of a past day (UTC), folded from the event log (titles registered, holdings
 * recorded, contracts activated and terminated up to then). Both feed the same {@code AvailsRows},
 * so "as of" differs from "now" only in which facts it counts.
 */
@Component
public class AvailsCatalogue {

  private static final int PAGE = 500;

  private final RightsRegister register;
  private final IdentityRegister identity;
  private final EventStorageEngine events;

  public AvailsCatalogue(RightsRegister register, IdentityRegister identity, EventStorageEngine events) {
    this.register = register;
    this.identity = identity;
    this.events = events;
  }

  /** One title as it is now. */
  public CatalogueTitle current(TitleView t) {
    return new CatalogueTitle(t.id(), licensor(t.ownerOrganizationId(), new HashMap<>()), t.name(), t.originalName(),
        t.kind(), t.episodes(), t.minutesPerEpisode(), t.originalLanguage(), t.productionYear(),
        register.holdings(t.id()).stream().map(HoldingView::holding).toList(), register.grants(t.id()));
  }

  /** Every title of the organisation as it is now, by name, one at a time. */
  public void current(String organizationId, Consumer<CatalogueTitle> out) {
    Map<String, String> names = new HashMap<>();
    for (int page = 0; ; page++) {
      RightsRegister.Page<TitleView> titles = register.titles(organizationId, null, page, PAGE);
      for (TitleView t : titles.items()) {
        out.accept(new CatalogueTitle(t.id(), licensor(t.ownerOrganizationId(), names), t.name(), t.originalName(),
            t.kind(), t.episodes(), t.minutesPerEpisode(), t.originalLanguage(), t.productionYear(),
            register.holdings(t.id()).stream().map(HoldingView::holding).toList(), register.grants(t.id())));
      }
      if (titles.items().size() < PAGE) {
        return;
      }
    }
  }

  /**
   * The organisation's titles (or only {@code only}, when given) as they stood at the end of
   * {@code asOf} (UTC), from one pass over the event log; by name like {@link #current}.
   */
  public void asOf(String organizationId, Optional<TitleId> only, LocalDate asOf, Consumer<CatalogueTitle> out) {
    Instant cutoff = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, TitleRegistered> titles = new LinkedHashMap<>();
    Map<String, List<Holding>> holdings = new HashMap<>();
    Map<String, ContractActivated> activated = new LinkedHashMap<>();
    Map<String, LocalDate> terminated = new HashMap<>();
    try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
      stream.forEach(m -> {
        Class<?> type = m.getPayloadType();
        if (m.getTimestamp().isBefore(cutoff) && (type == TitleRegistered.class || type == HoldingRecorded.class
            || type == ContractActivated.class || type == ContractTerminated.class)) {
          Object e = m.getPayload();
          if (e instanceof TitleRegistered r && r.ownerOrganizationId().equals(organizationId)
              && only.map(id -> id.equals(r.titleId())).orElse(true)) {
            titles.put(r.titleId().value(), r);
          } else if (e instanceof HoldingRecorded h) {
            holdings.computeIfAbsent(h.titleId().value(), k -> new ArrayList<>()).add(new Holding(
                new HoldingId(h.holdingId()), h.window().toWindow(), h.exclusive(), h.sublicensable(),
                h.evidenceSha256()));
          } else if (e instanceof ContractActivated a) {
            activated.put(a.contractId().value(), a);
          } else if (e instanceof ContractTerminated t) {
            terminated.merge(t.contractId().value(), t.effectiveFrom(), (x, y) -> x.isBefore(y) ? x : y);
          }
        }
      });
    }
    Map<String, List<Grant>> grants = new HashMap<>();
    activated.forEach((id, a) -> {
      Optional<Grant> grant = Optional.of(new Grant(id, a.window().toWindow(), a.exclusive()));
      LocalDate from = terminated.get(id);
      if (from != null) {
        grant = grant.get().terminatedFrom(from);
      }
      grant.ifPresent(g -> grants.computeIfAbsent(a.titleId(), k -> new ArrayList<>()).add(g));
    });
    Map<String, String> names = new HashMap<>();
    titles.values().stream()
        .sorted(java.util.Comparator.comparing(TitleRegistered::name).thenComparing(r -> r.titleId().value()))
        .forEach(r -> out.accept(new CatalogueTitle(r.titleId(), licensor(r.ownerOrganizationId(), names), r.name(),
            r.originalName(), r.kind(), r.episodes(), r.minutesPerEpisode(), r.originalLanguage(),
            r.productionYear(), holdings.getOrDefault(r.titleId().value(), List.of()),
            grants.getOrDefault(r.titleId().value(), List.of()))));
  }

  private String licensor(String organizationId, Map<String, String> names) {
    return names.computeIfAbsent(organizationId, id -> identity.organization(new OrganizationId(id))
        .map(OrganizationView::name).orElse(id));
  }
}
