package io.reelx.exchange.rights.domain;

import java.time.LocalDate;

/**
 * A fact that ends a grant from a day on: the register keeps it only for the days before
 * ({@link Grant#terminatedFrom}). A contract's termination implements it.
 */
public interface RightsGrantCut {

  /** The id of the grant it cuts ({@link RightsGranted#grantId}). */
  String grantId();

  LocalDate effectiveFrom();
}
