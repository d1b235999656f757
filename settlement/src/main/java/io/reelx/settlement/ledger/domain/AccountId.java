package io.reelx.settlement.ledger.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.Objects;

/** An account: its kind, its owner (an organisation, or {@code reelx} for system accounts) and its one currency. */
public record AccountId(AccountKind kind, String owner, String currency) {

  public static final String EXCHANGE = "reelx";

  public AccountId {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
    if (!Money.isCurrency(currency)) {
      throw new IllegalArgumentException("Unknown ISO 4217 currency: " + currency);
    }
  }

  public static AccountId organization(OrganizationId organization, String currency) {
    return new AccountId(AccountKind.ORGANIZATION, organization.value(), currency);
  }

  public static AccountId system(AccountKind kind, String currency) {
    if (kind == AccountKind.ORGANIZATION) {
      throw new IllegalArgumentException("organisation accounts name their organisation");
    }
    return new AccountId(kind, EXCHANGE, currency);
  }

  @Override
  public String toString() {
    return kind + ":" + owner + ":" + currency;
  }
}
