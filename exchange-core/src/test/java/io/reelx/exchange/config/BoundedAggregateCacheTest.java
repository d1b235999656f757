package io.reelx.exchange.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

  private final BoundedAggregateCache cache = new BoundedAggregateCache(2);
  private final List<String> seen = new ArrayList<>();

  BoundedAggregateCacheTest() {
    cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
      @Override
      public void onEntryCreated(Object key, Object value) {
        seen.add("created " + key);
      }

      @Override
      public void onEntryUpdated(Object key, Object value) {
        seen.add("updated " + key);
      }

      @Override
      public void onEntryRemoved(Object key) {
        seen.add("removed " + key);
      }

      @Override
      public void onEntryExpired(Object key) {
        seen.add("expired " + key);
      }
    });
  }

  @Test
  void keeps_entries_by_strong_reference_until_capacity_is_exceeded() {
    cache.put("a", new Object());
    System.gc();
    assertThat((Object) cache.get("a")).isNotNull();
  }

  @Test
  void drops_the_least_recently_used_entry_when_full() {
    cache.put("a", 1);
    cache.put("b", 2);
    assertThat((Integer) cache.get("a")).isEqualTo(1); // a is now more recent than b
    cache.put("c", 3);

    assertThat(cache.containsKey("a")).isTrue();
    assertThat(cache.containsKey("b")).isFalse();
    assertThat(cache.containsKey("c")).isTrue();
    assertThat(cache.size()).isEqualTo(2);
    assertThat(seen).containsExactly("created a", "created b", "expired b", "created c");
  }

  @Test
  void put_if_absent_and_compute_keep_an_existing_entry() {
    assertThat(cache.putIfAbsent("a", 1)).isTrue();
    assertThat(cache.putIfAbsent("a", 2)).isFalse();
    assertThat((Integer) cache.computeIfAbsent("a", () -> 3)).isEqualTo(1);
    assertThat((Integer) cache.computeIfAbsent("b", () -> 4)).isEqualTo(4);
    assertThat((Integer) cache.get("a")).isEqualTo(1);
  }

  @Test
  void compute_if_present_updates_or_removes() {
    cache.put("a", 1);
    cache.<Integer>computeIfPresent("a", v -> v + 1);
    assertThat((Integer) cache.get("a")).isEqualTo(2);
    cache.<Integer>computeIfPresent("missing", v -> v + 1);
    assertThat(cache.containsKey("missing")).isFalse();
    cache.<Integer>computeIfPresent("a", v -> null);
    assertThat(cache.containsKey("a")).isFalse();
    assertThat(seen).containsExactly("created a", "updated a", "removed a");
  }

  @Test
  void remove_and_remove_all_tell_the_listeners() {
    cache.put("a", 1);
    cache.put("b", 2);
    assertThat(cache.remove("a")).isTrue();
    assertThat(cache.remove("a")).isFalse();
    cache.removeAll();
    assertThat(cache.size()).isZero();
    assertThat(seen).containsExactly("created a", "created b", "removed a", "removed b");
  }

  @Test
  void putting_null_removes() {
    cache.put("a", 1);
    cache.put("a", null);
    assertThat(cache.containsKey("a")).isFalse();
  }

  @Test
  void refuses_a_capacity_below_one() {
    assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
