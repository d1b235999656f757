package io.reelx.settlement.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AllocationProperties {

  @Property
  void a_split_always_sums_exactly_to_the_whole_and_no_part_is_a_unit_away_from_its_exact_share(
      @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long total,
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 10_000) Long> weights) {
    long[] w = weights.stream().mapToLong(Long::longValue).toArray();
    if (Arrays.stream(w).sum() == 0) {
      w[0] = 1;
    }
    long sum = Arrays.stream(w).sum();

    long[] parts = Allocation.byWeights(total, w);

    assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
    for (int i = 0; i < w.length; i++) {
      BigDecimal exact = new BigDecimal(BigInteger.valueOf(total).multiply(BigInteger.valueOf(w[i]))).divide(BigDecimal.valueOf(sum), 10, RoundingMode.HALF_UP);
      assertThat(exact.subtract(BigDecimal.valueOf(parts[i])).abs()).isLessThan(BigDecimal.ONE);
    }
  }

  @Property
  void a_reversal_splits_exactly_like_the_original(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long total,
      @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 1, max = 10_000) Long> weights) {
    long[] w = weights.stream().mapToLong(Long::longValue).toArray();

    long[] forward = Allocation.byWeights(total, w);
    long[] backward = Allocation.byWeights(-total, w);

    for (int i = 0; i < w.length; i++) {
      assertThat(backward[i]).isEqualTo(-forward[i]);
    }
  }

  @Property
  void rounding_exact_amounts_to_their_rounded_total_sums_exactly(
      @ForAll @Size(min = 1, max = 10) List<@BigRange(min = "0", max = "100000000") BigDecimal> amounts) {
    List<BigDecimal> exact = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal amount : amounts) {
      BigDecimal a = amount.setScale(Math.min(Math.max(amount.scale(), 0), 12), RoundingMode.DOWN);
      exact.add(a);
      sum = sum.add(a);
    }
    long total = Rounding.toMinor(sum);

    long[] parts = Allocation.roundToTotal(total, exact);

    assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
  }

  @Test
  void ties_go_to_the_earlier_part() {
    assertThat(Allocation.byWeights(1, new long[] {1, 1})).containsExactly(1, 0);
    assertThat(Allocation.byWeights(2, new long[] {1, 1, 1})).containsExactly(1, 1, 0);
    assertThat(Allocation.byWeights(-1, new long[] {1, 1})).containsExactly(-1, 0);
  }
}
