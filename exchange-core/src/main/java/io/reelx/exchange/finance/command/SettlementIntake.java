package io.reelx.exchange.finance.command;

import io.reelx.exchange.contract.domain.ContractActivated;
import io.reelx.exchange.contract.domain.ContractExpired;
import io.reelx.exchange.contract.domain.ContractTerminated;
import io.reelx.exchange.contract.domain.DepositForfeited;
import io.reelx.exchange.contract.domain.DepositRefunded;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.listing.domain.DepositApplied;
import io.reelx.exchange.listing.domain.DepositReceived;
import io.reelx.exchange.listing.domain.DepositReleased;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.settlement.agreement.domain.OpenAgreement;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.ledger.application.DepositService;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells settlement what trading did. A tracking processor with its own position in the event log
 * (group {@value FinanceGroups#SETTLEMENT_INTAKE}): a failure that passes (database, lock) is
 * retried in place; one that would fail again parks the event, and the later events of the same
 * listing or contract behind it, in the group's dead-letter queue for an operator to retry, while
 * other listings and contracts go on. The position moves only once settlement's rows and transfers
 * are committed in the same transaction. Every transfer id derives from the event's cause (registration, contract), so a
 * replayed event posts nothing twice.
 *
 * <ul>
 *   <li>{@link ListingCreated}: remembers the listing's holder (deposit events name no licensor);
 *   <li>{@link DepositReceived}: bank -> platform, then held platform -> escrow (pending);
 *   <li>{@link DepositReleased}: the hold is voided; {@link DepositApplied}: posted into escrow;
 *   <li>{@link ContractActivated}: opens the agreement, invoices the price balance and the MG,
 *       and passes the captured deposit to the licensor;
 *   <li>{@link DepositForfeited}: escrow -> beneficiary; {@link DepositRefunded}: escrow -> platform;
 *   <li>{@link ContractTerminated}, {@link ContractExpired}: the agreement records the licence's
 *       last day (later months can no longer be reported).
 * </ul>
 */
@Component
@ProcessingGroup(FinanceGroups.SETTLEMENT_INTAKE)
public class SettlementIntake {

  /** ISO 3166-1 "unknown" for an organisation registered without a country. */
  static final String UNKNOWN_COUNTRY = "ZZ";

  private final AgreementService agreements;
  private final DepositService deposits;
  private final ContractRegister contracts;
  private final IdentityRegister identities;

  public SettlementIntake(AgreementService agreements, DepositService deposits, ContractRegister contracts, IdentityRegister identities) {
    this.agreements = agreements;
    this.deposits = deposits;
    this.contracts = contracts;
    this.identities = identities;
  }

  @EventHandler
  void on(ListingCreated e) {
    deposits.listingOffered(e.listingId().value(), e.holderOrganizationId());
  }

  @EventHandler
  void on(DepositReceived e) {
    deposits.depositReceived(e.registrationId().value(), e.listingId().value(), e.organizationId(), e.amount(), e.currency());
  }

  @EventHandler
  void on(DepositReleased e) {
    deposits.depositReleased(e.registrationId().value());
  }

  @EventHandler
  void on(DepositApplied e) {
    deposits.depositApplied(e.registrationId().value());
  }

  @EventHandler
  void on(ContractActivated e) {
    ContractView contract = contracts.find(e.contractId().value())
        .orElseThrow(() -> new IllegalStateException("Contract " + e.contractId() + " is active but not in the register"));
    agreements.open(new OpenAgreement(e.contractId().value(), contract.terms().listingId(), e.currency(),
        e.licensorOrganizationId(), e.licenseeOrganizationId(), AgreementTermsAdapter.termsOf(contract, this::countryOf),
        e.balanceDue(), e.balanceDueOn(), e.activatedAt()));
  }

  @EventHandler
  void on(DepositForfeited e) {
    deposits.depositForfeited(e.listingId(), e.organizationId(), e.beneficiaryOrganizationId());
  }

  @EventHandler
  void on(DepositRefunded e) {
    deposits.depositRefunded(e.listingId(), e.organizationId());
  }

  @EventHandler
  void on(ContractTerminated e) {
    agreements.end(e.contractId().value(), e.effectiveFrom().minusDays(1));
  }

  @EventHandler
  void on(ContractExpired e) {
    contracts.find(e.contractId().value())
        .ifPresent(c -> agreements.end(e.contractId().value(), c.terms().window().termEnd()));
  }

  private String countryOf(String organizationId) {
    return identities.organization(new OrganizationId(organizationId))
        .map(OrganizationView::country)
        .filter(c -> c != null && c.matches("[A-Z]{2}"))
        .orElse(UNKNOWN_COUNTRY);
  }
}
