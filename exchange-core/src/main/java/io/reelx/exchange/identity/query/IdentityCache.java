package io.reelx.exchange.identity.query;

import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.security.IdentityChanges;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Users and organisations by id as the requests of a signed-in user read them again and again
 * ({@code GET /api/v1/me}), from memory while {@link IdentityChanges} says nothing changed since
 * they were read. Absent ones are not remembered.
 */
@Component
public class IdentityCache {

  private static final int MAX_ENTRIES = 10_000;

  private final IdentityRegister register;
  private final IdentityChanges changes;
  private final Map<UserId, Entry<UserView>> users = new ConcurrentHashMap<>();
  private final Map<OrganizationId, Entry<OrganizationView>> organizations = new ConcurrentHashMap<>();

  public IdentityCache(IdentityRegister register, IdentityChanges changes) {
    this.register = register;
    this.changes = changes;
  }

  private record Entry<V>(V value, long generation) {}

  public Optional<UserView> user(UserId id) {
    return cached(users, id, register::user);
  }

  public Optional<OrganizationView> organization(OrganizationId id) {
    return cached(organizations, id, register::organization);
  }

  private <K, V> Optional<V> cached(Map<K, Entry<V>> cache, K key, Function<K, Optional<V>> read) {
    Entry<V> entry = cache.get(key);
    if (entry != null && changes.current(entry.generation())) {
      return Optional.of(entry.value());
    }
    long generation = changes.generation();
    Optional<V> value = read.apply(key);
    if (value.isPresent()) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(key, new Entry<>(value.get(), generation));
    }
    return value;
  }
}
