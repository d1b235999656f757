package io.reelx.exchange.contract.command;

import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.Offers;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import io.reelx.exchange.listing.domain.ListingAwarded;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.shared.domain.Refusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Drafts a contract for every award. A tracking processor with its own position in the event
 * log: it remembers what each listing offered, and when the listing is awarded it drafts the
 * contract from that offer and the winning bid. An award is never missed (the position only moves
 * once the draft is committed; a failure that passes is retried, one that would fail again parks the
 * listing's events in the dead-letter queue until an operator retries them) and never drafted twice (the contract id is
 * derived from the listing's).
 */
@Component
@ProcessingGroup(ContractGroups.CONTRACT_DRAFTING)
public class ContractDrafting {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContractDrafting.class);

  private final Offers offers;
  private final CommandGateway commands;
  private final IdentityRegister identities;
  private final ContractRegister contracts;

  public ContractDrafting(Offers offers, CommandGateway commands, IdentityRegister identities,
      ContractRegister contracts) {
    this.offers = offers;
    this.commands = commands;
    this.identities = identities;
    this.contracts = contracts;
  }

  @EventHandler
  void on(ListingCreated e) {
    offers.keep(e);
  }

  @EventHandler
  void on(ListingAwarded e) {
    ContractId id = ContractId.forListing(e.listingId());
    if (contracts.exists(id)) {
      return;
    }
    ListingCreated offer = offers.of(e.listingId()).orElseThrow(() -> new IllegalStateException("No offer recorded for awarded listing " + e.listingId()));
    try {
      commands.sendAndWait(new DraftContract(id, offer.listingId().value(), offer.titleId(), offer.titleName(),
          party(offer.holderOrganizationId()), party(e.organizationId()), offer.window(), offer.exclusive(),
          offer.sublicensable(), e.price(), e.currency(), offer.sale().deposit(), offer.signingDays(),
          offer.settlementTerms(), e.closedAt()));
    } catch (Refusal refused) {
      // a refusal is decided by the award itself and would be refused again on every retry: holding
      // the processor on it would stop every later award from being drafted
      log.error("Award of listing {} cannot become a contract: {}. Operators must settle it by hand.",
          e.listingId(), refused.getMessage());
    }
  }

  private PartyTerms party(String organizationId) {
    String name = identities.organization(new OrganizationId(organizationId))
        .map(OrganizationView::name)
        .orElse(organizationId);
    return new PartyTerms(organizationId, name);
  }
}
