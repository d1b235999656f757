package io.reelx.exchange.finance.web;

import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.application.SettlementDesk;
import org.springframework.stereotype.Component;

/**
 * Who sees settlement data: finance, operators and auditors see every agreement; the licensee,
 * the licensor and the payees see their own; to anyone else an agreement does not exist (404).
 */
@Component
class SettlementAccess {

  private final SettlementDesk settlement;

  SettlementAccess(SettlementDesk settlement) {
    this.settlement = settlement;
  }

  static boolean overseer(CurrentUser user) {
    return user.seesAllOrganizations() || user.has(Role.FINANCE);
  }

  Agreement visible(String contractId, CurrentUser user) {
    return settlement.agreement(contractId)
        .filter(a -> overseer(user) || a.concerns(user.organizationId().value()))
        .orElseThrow(() -> new NotFound("settlement agreement for contract", contractId));
  }
}
