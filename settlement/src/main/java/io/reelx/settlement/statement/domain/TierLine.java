package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.Rate;
import java.math.BigDecimal;

/**
 * One band's part of the share: the slice of volume in band {@code band} ({@code from} to
 * {@code to}, {@code to} null when open-ended) at its rate. {@code exactAmount} is before rounding
 * (truncated to 20 decimals); {@code amount} is its whole-minor-unit part of the rounded share,
 * allocated so that the bands sum exactly to the share.
 */
public record TierLine(int band, BigDecimal from, BigDecimal to, BigDecimal volume, Rate rate, BigDecimal exactAmount, Money amount) {}
