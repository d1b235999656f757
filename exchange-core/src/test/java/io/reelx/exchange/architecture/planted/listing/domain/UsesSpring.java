package io.reelx.exchange.architecture.planted.listing.domain;

import org.springframework.util.StringUtils;

/** Offender: a domain class uses a framework. */
public class UsesSpring {
  public boolean blank(String s) {
    return !StringUtils.hasText(s);
  }
}
