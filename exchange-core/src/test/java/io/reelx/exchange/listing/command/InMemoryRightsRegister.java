package io.reelx.exchange.listing.command;

import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.query.HoldingView;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rights register as plain maps: real titles, holdings and grants, so that avails come from the
 * default {@link RightsRegister#avails} (the real {@code AvailsCalculator}).
 */
public final class InMemoryRightsRegister implements RightsRegister {

  private static final Instant REGISTERED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<TitleId, TitleView> titles = new LinkedHashMap<>();
  private final Map<TitleId, List<HoldingView>> holdings = new LinkedHashMap<>();
  private final Map<TitleId, List<Grant>> grants = new LinkedHashMap<>();

  public InMemoryRightsRegister addTitle(TitleId id, String ownerOrganizationId, String name) {
    titles.put(id, new TitleView(id, ownerOrganizationId, name, name, TitleKind.SERIES, 24, 45, "en", 2025,
        "A synopsis", REGISTERED_AT));
    return this;
  }

  public InMemoryRightsRegister addHolding(TitleId id, Holding holding) {
    holdings.computeIfAbsent(id, k -> new ArrayList<>())
        .add(new HoldingView(id, holding, "chain of title", REGISTERED_AT));
    return this;
  }

  public InMemoryRightsRegister addGrant(TitleId id, Grant grant) {
    grants.computeIfAbsent(id, k -> new ArrayList<>()).add(grant);
    return this;
  }

  /** Titles whose grant lock was taken, in order. */
  public final List<TitleId> locked = new ArrayList<>();

  @Override
  public void lockForGrant(TitleId id) {
    locked.add(id);
  }

  @Override
  public Optional<TitleView> title(TitleId id) {
    return Optional.ofNullable(titles.get(id));
  }

  @Override
  public Page<TitleView> titles(String organizationId, String nameContains, int page, int size) {
    List<TitleView> matching = titles.values().stream()
        .filter(t -> organizationId == null || t.ownerOrganizationId().equals(organizationId))
        .filter(t -> nameContains == null || t.name().contains(nameContains))
        .toList();
    int from = Math.min(page * size, matching.size());
    int to = Math.min(from + size, matching.size());
    return new Page<>(matching.subList(from, to), page, size, matching.size());
  }

  @Override
  public List<HoldingView> holdings(TitleId id) {
    return List.copyOf(holdings.getOrDefault(id, List.of()));
  }

  @Override
  public List<Grant> grants(TitleId id) {
    return List.copyOf(grants.getOrDefault(id, List.of()));
  }
}
