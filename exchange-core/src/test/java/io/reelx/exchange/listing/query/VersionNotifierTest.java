package io.reelx.exchange.listing.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VersionNotifierTest {

  private final VersionNotifier notifier = new VersionNotifier();
  private final AtomicLong view = new AtomicLong(3);

  private Optional<Long> read() {
    return Optional.of(view.get());
  }

  @Test
  void a_view_already_current_answers_at_once_and_nothing_is_held() {
    assertThat(notifier.await("k", 3, Duration.ofMinutes(1), this::read, v -> v >= 3)).contains(3L);
    assertThat(notifier.waitingKeys()).isZero();
  }

  @Test
  void a_reader_is_woken_when_its_key_reaches_its_version() throws Exception {
    CompletableFuture<Optional<Long>> answer =
        CompletableFuture.supplyAsync(() -> notifier.await("k", 5, Duration.ofMinutes(5), this::read, v -> v >= 5));
    while (notifier.waitingKeys() == 0) {
      Thread.onSpinWait();
    }
    view.set(4);
    notifier.reached("k", 4);
    notifier.reached("other", 9);
    assertThat(answer).isNotDone();
    view.set(5);
    notifier.reached("k", 5);

    assertThat(answer.get(1, TimeUnit.MINUTES)).contains(5L);
    assertThat(notifier.waitingKeys()).isZero();
  }

  @Test
  void a_reader_not_woken_in_time_gets_what_there_is() {
    assertThat(notifier.await("k", 5, Duration.ofMillis(1), this::read, v -> v >= 5)).contains(3L);
    assertThat(notifier.waitingKeys()).isZero();
  }
}
