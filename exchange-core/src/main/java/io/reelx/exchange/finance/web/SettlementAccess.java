package io.reelx.exchange.finance.web;

import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.agreement.application.AgreementService;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who sees settlement data: finance, operators and auditors see every agreement; the licensee,
 * the licensor and the payees see their own; to anyone else an agreement does not exist (404).
 *
 * <p>Settlement opens a contract's agreement moments after the contract is activated (its own
 * processor): a request in those moments waits for it, as any write's response waits for its read
 * model, instead of answering that the agreement does not exist.
 */
@Component
class SettlementAccess {

  private static final Duration OPENING = Duration.ofSeconds(5);

  private final AgreementService agreements;
  private final ContractRegister contracts;

  SettlementAccess(AgreementService agreements, ContractRegister contracts) {
    this.agreements = agreements;
    this.contracts = contracts;
  }

  static boolean overseer(CurrentUser user) {
    return user.seesAllOrganizations() || user.has(Role.FINANCE);
  }

  Agreement visible(String contractId, CurrentUser user) {
    return agreement(contractId)
        .filter(a -> overseer(user) || a.concerns(user.organizationId().value()))
        .orElseThrow(() -> new NotFound("settlement agreement for contract", contractId));
  }

  private Optional<Agreement> agreement(String contractId) {
    Optional<Agreement> agreement = agreements.agreement(contractId);
    if (agreement.isPresent()
        || contracts.find(contractId).map(c -> c.activatedAt() == null).orElse(true)) {
      return agreement;
    }
    long deadline = System.nanoTime() + OPENING.toNanos();
    long pause = 2;
    while (agreement.isEmpty() && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      pause = Math.min(pause * 2, 50);
      agreement = agreements.agreement(contractId);
    }
    return agreement;
  }
}
