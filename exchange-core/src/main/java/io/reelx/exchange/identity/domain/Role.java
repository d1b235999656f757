package io.reelx.exchange.identity.domain;

/** What a user may do; see DESIGN §1. */
public enum Role {
  RIGHTS_HOLDER,
  PLATFORM,
  FINANCE,
  OPERATOR,
  AUDITOR
}
