package io.reelx.exchange.contract.command;

/** The processing groups of the contract context (its register joins the shared registers group). */
public final class ContractGroups {

  /** Tracking group that drafts a contract for each award; an award it cannot draft is parked, never skipped. */
  public static final String CONTRACT_DRAFTING = "contract-drafting";

  private ContractGroups() {}
}
