package io.reelx.exchange.identity.command;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long API tokens live: {@code reelx.tokens.default-lifetime-days} when the client does not
 * say, and at most {@code reelx.tokens.max-lifetime-days} (both 90 unless configured).
 */
@Component
public class TokenLifetimes {

  private final int defaultDays;
  private final int maxDays;

  public TokenLifetimes(
      @Value("${reelx.tokens.default-lifetime-days:90}") int defaultDays,
      @Value("${reelx.tokens.max-lifetime-days:90}") int maxDays) {
    if (defaultDays < 1 || maxDays < defaultDays) {
      throw new IllegalArgumentException(
          "reelx.tokens: need 1 <= default-lifetime-days <= max-lifetime-days");
    }
    this.defaultDays = defaultDays;
    this.maxDays = maxDays;
  }

  public int defaultDays() {
    return defaultDays;
  }

  public int maxDays() {
    return maxDays;
  }
}
