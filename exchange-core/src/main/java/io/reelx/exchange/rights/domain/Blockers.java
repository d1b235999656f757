package io.reelx.exchange.rights.domain;

/** Human wording of what blocks a window. */
public final class Blockers {

  private Blockers() {}

  public static String describe(Blocker blocker) {
    if (blocker instanceof NotHeld n) {
      return "not held for territories " + n.territories().codes() + ", media " + n.media().compact()
          + ", languages " + n.languages().codes() + " in " + n.gaps();
    }
    GrantedElsewhere g = (GrantedElsewhere) blocker;
    return (g.exclusive() ? "exclusively" : "non-exclusively") + " licensed under contract " + g.contractId()
        + " for " + g.overlap().territories().codes() + " " + g.overlap().term();
  }
}
