package io.reelx.settlement.terms.domain;

/** What a rate schedule measures to find the band. */
public enum Metric {
  /** The basis money (gross or net), in minor units of the terms currency. */
  REVENUE,
  /** Views reported, summed over the report's lines. */
  VIEWS,
  /** Watch hours reported (exact, up to 3 decimals), summed over the report's lines. */
  WATCH_HOURS
}
