package io.reelx.exchange.rights.ema.query;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.ema.domain.CatalogueTitle;
import io.reelx.exchange.rights.ema.domain.RightsAsOf;
import io.reelx.exchange.rights.query.HoldingView;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import java.time.LocalDate;
import java.util.HashMap;
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
    RightsAsOf fold = new RightsAsOf(organizationId, only, asOf);
    try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
      stream.forEach(m -> {
        if (fold.counts(m.getTimestamp()) && RightsAsOf.reads(m.getPayloadType())) {
          fold.accept(m.getPayload(), m.getTimestamp());
        }
      });
    }
    Map<String, String> names = new HashMap<>();
    fold.titles(id -> licensor(id, names), out);
  }

  private String licensor(String organizationId, Map<String, String> names) {
    return names.computeIfAbsent(organizationId, id -> identity.organization(new OrganizationId(id))
        .map(OrganizationView::name).orElse(id));
  }
}
