package io.reelx.exchange.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Aggregates held by strong reference, the least recently used one dropped when the cache is
 * full. Axon's {@code WeakReferenceCache} loses its entries at every garbage collection, and under
 * load the young generation is collected several times a second: most commands then re-read the
 * aggregate from its snapshot and up to a snapshot interval of events. Here an aggregate stays
 * until {@code capacity} others were used more recently.
 *
 * <p>Consistency is Axon's: the caching repository removes an aggregate whose unit of work rolls
 * back, and holds the aggregate's lock while it reads or replaces the entry.
 */
final class BoundedAggregateCache implements Cache {

  private final Map<Object, Object> entries;
  private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

  BoundedAggregateCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.entries = new LeastRecentlyUsed(capacity, listeners);
  }

  /** A map in access order that drops its eldest entry once it holds more than its capacity. */
  private static final class LeastRecentlyUsed extends LinkedHashMap<Object, Object> {
    private final int capacity;
    private final List<EntryListener> listeners;

    LeastRecentlyUsed(int capacity, List<EntryListener> listeners) {
      super(Math.min(capacity, 1 << 16), 0.75f, true);
      this.capacity = capacity;
      this.listeners = listeners;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
      if (size() <= capacity) {
        return false;
      }
      listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
      return true;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V get(K key) {
    Object value;
    synchronized (entries) {
      value = entries.get(key);
    }
    if (value != null) {
      listeners.forEach(l -> l.onEntryRead(key, value));
    }
    return (V) value;
  }

  @Override
  public void put(Object key, Object value) {
    if (value == null) {
      remove(key);
      return;
    }
    Object previous;
    synchronized (entries) {
      previous = entries.put(key, value);
    }
    listeners.forEach(previous == null ? l -> l.onEntryCreated(key, value) : l -> l.onEntryUpdated(key, value));
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    boolean added;
    synchronized (entries) {
      added = entries.putIfAbsent(key, value) == null;
    }
    if (added) {
      listeners.forEach(l -> l.onEntryCreated(key, value));
    }
    return added;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    synchronized (entries) {
      Object present = entries.get(key);
      if (present != null) {
        return (T) present;
      }
      T created = valueSupplier.get();
      if (created != null) {
        entries.put(key, created);
        listeners.forEach(l -> l.onEntryCreated(key, created));
      }
      return created;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    synchronized (entries) {
      Object present = entries.get(key);
      if (present == null) {
        return;
      }
      V updated = update.apply((V) present);
      if (updated == null) {
        entries.remove(key);
        listeners.forEach(l -> l.onEntryRemoved(key));
      } else {
        entries.put(key, updated);
        listeners.forEach(l -> l.onEntryUpdated(key, updated));
      }
    }
  }

  @Override
  public boolean remove(Object key) {
    boolean removed;
    synchronized (entries) {
      removed = entries.remove(key) != null;
    }
    if (removed) {
      listeners.forEach(l -> l.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public void removeAll() {
    List<Object> keys;
    synchronized (entries) {
      keys = new ArrayList<>(entries.keySet());
      entries.clear();
    }
    keys.forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
  }

  @Override
  public boolean containsKey(Object key) {
    synchronized (entries) {
      return entries.containsKey(key);
    }
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
