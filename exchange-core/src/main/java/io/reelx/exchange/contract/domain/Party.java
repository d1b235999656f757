package io.reelx.exchange.contract.domain;

/** The two sides of a licence: the rights holder grants, the platform takes. */
public enum Party {
  LICENSOR,
  LICENSEE
}
