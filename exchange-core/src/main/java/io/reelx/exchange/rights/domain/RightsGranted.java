package io.reelx.exchange.rights.domain;

/**
 * A fact that puts a grant into the rights register. Rights owns this view of it, so it learns of
 * grants without knowing what gives them: a contract's activation implements it (the stored event
 * keeps its own type and name).
 */
public interface RightsGranted {

  /** The grant's id: that of the contract it comes with ({@link Grant#contractId}). */
  String grantId();

  String titleId();

  WindowTerms window();

  boolean exclusive();
}
