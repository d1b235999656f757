package io.reelx.exchange.identity.domain;

public enum OrganizationKind {
  RIGHTS_HOLDER,
  PLATFORM,
  EXCHANGE
}
