package io.reelx.exchange.shared.command;

/**
 * The processing group that every context's command-side register joins (users, titles, grants,
 * contracts, the bid book): a subscribing group, written in the transaction that stores the
 * events, so commands always read a current register. A context's other groups are its own
 * (listing's {@code ListingGroups}, contract's {@code ContractGroups}, finance's {@code FinanceGroups}).
 */
public final class Registers {

  public static final String GROUP = "registers";

  private Registers() {}
}
