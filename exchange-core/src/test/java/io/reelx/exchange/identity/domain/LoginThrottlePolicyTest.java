package io.reelx.exchange.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

  private final LoginThrottlePolicy policy =
      new LoginThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

  @Test
  void the_first_failures_cost_nothing() {
    for (int failures = 1; failures < 5; failures++) {
      assertThat(policy.lockFor(failures)).isEmpty();
    }
  }

  @Test
  void the_lock_starts_at_the_fifth_failure_and_doubles_with_each_further_one_up_to_the_cap() {
    assertThat(policy.lockFor(5)).contains(Duration.ofSeconds(1));
    assertThat(policy.lockFor(6)).contains(Duration.ofSeconds(2));
    assertThat(policy.lockFor(7)).contains(Duration.ofSeconds(4));
    assertThat(policy.lockFor(14)).contains(Duration.ofSeconds(512));
    assertThat(policy.lockFor(15)).contains(Duration.ofMinutes(15));
    assertThat(policy.lockFor(Integer.MAX_VALUE)).contains(Duration.ofMinutes(15));
  }

  @Test
  void failures_older_than_the_forget_period_no_longer_count() {
    Instant now = Instant.parse("2027-01-01T12:00:00Z");
    assertThat(policy.failuresAfterOneMore(7, now.minusSeconds(3599), now)).isEqualTo(8);
    assertThat(policy.failuresAfterOneMore(7, now.minusSeconds(3600), now)).isEqualTo(1);
  }

  @Test
  void retry_after_is_in_whole_seconds_rounded_up_and_at_least_one() {
    Instant now = Instant.parse("2027-01-01T00:00:00Z");
    assertThat(LoginThrottlePolicy.retryAfterSeconds(now.plusMillis(1), now)).isEqualTo(1);
    assertThat(LoginThrottlePolicy.retryAfterSeconds(now.plusMillis(2001), now)).isEqualTo(3);
    assertThat(LoginThrottlePolicy.retryAfterSeconds(now.plusSeconds(4), now)).isEqualTo(4);
    assertThat(LoginThrottlePolicy.retryAfterSeconds(now.minusSeconds(4), now)).isEqualTo(1);
  }
}
