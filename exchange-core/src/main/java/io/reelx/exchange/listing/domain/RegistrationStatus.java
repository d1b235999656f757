package io.reelx.exchange.listing.domain;

/** REGISTERED -> DEPOSIT_RECEIVED -> QUALIFIED; or REFUSED by the operator before qualifying. */
public enum RegistrationStatus {
  REGISTERED,
  DEPOSIT_RECEIVED,
  QUALIFIED,
  REFUSED
}
