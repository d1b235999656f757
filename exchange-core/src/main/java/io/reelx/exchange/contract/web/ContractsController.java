package io.reelx.exchange.contract.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.ContractsApi;
import io.reelx.api.model.Contract;
import io.reelx.api.model.ContractDocument;
import io.reelx.api.model.ContractPage;
import io.reelx.api.model.ContractParty;
import io.reelx.api.model.ContractPartyDetails;
import io.reelx.api.model.ContractStatus;
import io.reelx.api.model.Signature;
import io.reelx.api.model.SignatureRequest;
import io.reelx.api.model.TerminationRequest;
import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.command.TerminateContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractTerms;
import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractRegister.ContractSearch;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.rights.api.WindowMapping;
import io.reelx.exchange.rights.query.RightsRegister.Page;
import io.reelx.exchange.shared.domain.NotFound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contracts for their parties (both see the whole contract), and for operators, finance and
 * auditors; to anyone else a contract does not exist.
 */
@RestController
public class ContractsController implements ContractsApi {

  private final Access access;
  private final CommandGateway commands;
  private final ContractRegister contracts;

  public ContractsController(Access access, CommandGateway commands, ContractRegister contracts) {
    this.access = access;
    this.commands = commands;
    this.contracts = contracts;
  }

  @Override
  public ResponseEntity<ContractPage> listContracts(ContractParty role, ContractStatus status, String listingId,
      Integer page, Integer size) {
    CurrentUser user = access.current();
    Page<ContractView> result = contracts.search(new ContractSearch(user.organizationId().value(), overseer(user),
        role == null ? null : Party.valueOf(role.name()),
        status == null ? null : io.reelx.exchange.contract.domain.ContractStatus.valueOf(status.name()), listingId),
        page, size);
    return ResponseEntity.ok(new ContractPage(result.items().stream().map(ContractsController::toApi).toList(),
        result.page(), result.size(), result.totalItems(), result.totalPages()));
  }

  @Override
  public ResponseEntity<Contract> getContract(String contractId) {
    return ResponseEntity.ok(toApi(visible(contractId, access.current())));
  }

  @Override
  public ResponseEntity<ContractDocument> getContractDocument(String contractId) {
    ContractView view = visible(contractId, access.current());
    io.reelx.exchange.contract.domain.ContractDocument document =
        io.reelx.exchange.contract.domain.ContractDocument.render(new ContractId(view.id()), view.terms());
    if (!document.sha256().equals(view.documentSha256())) {
      throw new IllegalStateException("Contract " + contractId + " no longer renders to the document drafted ("
          + view.documentSha256() + "); the rendering changed without a new form version");
    }
    return ResponseEntity.ok(new ContractDocument(view.id(), document.sha256(),
        io.reelx.exchange.contract.domain.ContractDocument.MEDIA_TYPE, document.text()));
  }

  @Override
  public ResponseEntity<Contract> signContract(String contractId, SignatureRequest request) {
    CurrentUser user = access.require(Role.RIGHTS_HOLDER, Role.PLATFORM);
    commands.sendAndWait(new SignContract(new ContractId(contractId), user.organizationId().value(),
        user.userId().value(), request.getSha256()));
    return ResponseEntity.ok(toApi(visible(contractId, user)));
  }

  @Override
  public ResponseEntity<Contract> terminateContract(String contractId, TerminationRequest request) {
    CurrentUser user = access.require(Role.OPERATOR);
    visible(contractId, user);
    commands.sendAndWait(new TerminateContract(new ContractId(contractId), user.userId().value(),
        request.getReason(), request.getEffectiveFrom()));
    return ResponseEntity.ok(toApi(visible(contractId, user)));
  }

  private ContractView visible(String contractId, CurrentUser user) {
    return contracts.find(contractId)
        .filter(v -> overseer(user) || v.isParty(user.organizationId().value()))
        .orElseThrow(() -> new NotFound("contract", contractId));
  }

  private static boolean overseer(CurrentUser user) {
    return user.seesAllOrganizations() || user.has(Role.FINANCE);
  }

  static Contract toApi(ContractView v) {
    ContractTerms t = v.terms();
    return new Contract(v.id(), t.listingId(), ContractStatus.valueOf(v.status().name()), t.titleId(), t.titleName(),
        party(v, Party.LICENSOR), party(v, Party.LICENSEE),
        WindowMapping.toApi(t.window().toWindow(), t.exclusive(), t.sublicensable()),
        t.price(), t.currency(), t.depositApplied(), t.balanceDue(), t.paymentDueDays(), utc(t.signingDeadline()),
        v.documentSha256(), utc(t.awardedAt()), v.version())
        .settlementTerms(io.reelx.exchange.listing.api.SettlementTermsMapping.toApi(t.settlementTerms()))
        .activatedAt(utc(v.activatedAt()))
        .endedAt(utc(v.endedAt()))
        .endReason(v.endReason())
        .grantEndsOn(v.grantEndsOn());
  }

  private static ContractPartyDetails party(ContractView v, Party party) {
    var terms = v.terms().party(party);
    ContractPartyDetails details = new ContractPartyDetails(ContractParty.valueOf(party.name()),
        terms.organizationId(), terms.organizationName());
    ContractView.SignatureView s = v.signatures().get(party);
    if (s != null) {
      details.signature(new Signature(s.organizationId(), s.signerUserId(), s.sha256(), utc(s.signedAt())));
    }
    return details;
  }
}
