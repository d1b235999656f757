package io.reelx.settlement.terms.domain;

/** One problem with one field, e.g. {@code revenueShare.schedule.tiers[2].from}. */
public record FieldError(String field, String reason) {}
