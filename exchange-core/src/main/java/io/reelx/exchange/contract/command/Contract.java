package io.reelx.exchange.contract.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.reelx.exchange.contract.domain.ContractActivated;
import io.reelx.exchange.contract.domain.ContractDocument;
import io.reelx.exchange.contract.domain.ContractDrafted;
import io.reelx.exchange.contract.domain.ContractExpired;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractLapsed;
import io.reelx.exchange.contract.domain.ContractSettings;
import io.reelx.exchange.contract.domain.ContractSigned;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.ContractTerminated;
import io.reelx.exchange.contract.domain.ContractTerms;
import io.reelx.exchange.contract.domain.ContractVoided;
import io.reelx.exchange.contract.domain.DepositForfeited;
import io.reelx.exchange.contract.domain.DepositRefunded;
import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.Blocker;
import io.reelx.exchange.rights.domain.GrantedElsewhere;
import io.reelx.exchange.rights.domain.NotHeld;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.shared.command.SnapshotState;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A licence contract between the holder of an awarded listing and the winning platform.
 *
 * <pre>
 * (award) --draft--> AWAITING_SIGNATURES --both parties sign, window still free--> ACTIVE
 *                         |        \--both sign, window licensed elsewhere meanwhile--> VOID
 *                         +--signing deadline passes, a signature missing--> LAPSED
 * ACTIVE --term end--> EXPIRED
 * ACTIVE --operator terminates (reason, effective date)--> TERMINATED
 * </pre>
 *
 * <p>Each party signs once, by submitting the SHA-256 of the canonical document; a user of any
 * other organisation is told the contract does not exist. Activation takes the title's lock in
 * the rights register and re-checks the window against the grants active at that moment, in the
 * same transaction that records the new grant, so two contracts for overlapping exclusive windows
 * can never both become active.
 *
 * <p>Money: a licensee that did not sign in time forfeits the deposit it had applied toward the
 * price; when the contract fails for any other reason the deposit is refunded.
 *
 * <p>Time: two persistent deadlines, {@link #SIGNING} at the signing deadline and {@link #TERM} at
 * the end of the term. Commands also look at the clock, so a late deadline never lets a signature
 * in after the signing deadline.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargetResolver", snapshotTriggerDefinition = "snapshotTrigger")
@SnapshotState
public class Contract {

  static final String SIGNING = "contract-signing";
  static final String TERM = "contract-term";

  /** The identifier as a plain string, which deadline scopes store and restore intact. */
  @AggregateIdentifier private String aggregateId;

  private ContractId id;
  private ContractTerms terms;
  private String documentSha256;
  private ContractStatus status;
  private Map<Party, String> signedBy = new EnumMap<>(Party.class);

  protected Contract() {}

  @CommandHandler
  public Contract(DraftContract c, ContractSettings settings, DeadlineManager deadlines) {
    if (c.price() < 0 || c.depositApplied() < 0 || c.depositApplied() > c.price()) {
      throw new InvalidValue("depositApplied", "must be between 0 and the price");
    }
    Instant deadline = settings.signingDeadline(c.awardedAt(), c.signingDays());
    ContractTerms terms = new ContractTerms(c.listingId(), c.titleId(), c.titleName(), c.licensor(), c.licensee(),
        c.window(), c.exclusive(), c.sublicensable(), c.price(), c.currency(), c.depositApplied(),
        settings.paymentDueDays(), c.settlementTerms(), c.awardedAt(), deadline, settings.zone().getId());
    apply(new ContractDrafted(c.contractId(), terms, ContractDocument.render(c.contractId(), terms).sha256()));
    deadlines.schedule(deadline, SIGNING, new ContractTimer(SIGNING));
  }

  /** Signs for the caller's organisation; answers the status after the signature. */
  @CommandHandler
  ContractStatus handle(SignContract c, Clock clock, RightsRegister rights, ContractSettings settings,
      DeadlineManager deadlines) {
    Party party = partyOf(c.organizationId());
    Instant now = clock.instant();
    lapseIfDue(now);
    if (status != ContractStatus.AWAITING_SIGNATURES) {
      throw new StateConflict("The contract is " + status + "; it can no longer be signed");
    }
    if (signedBy.containsKey(party)) {
      throw new StateConflict("The " + party.name().toLowerCase(Locale.ROOT) + " has already signed this contract");
    }
    String hash = c.sha256() == null ? "" : c.sha256().strip().toLowerCase(Locale.ROOT);
    if (!hash.equals(documentSha256)) {
      throw new RuleViolation("document-hash-mismatch",
          "The hash signed is not the SHA-256 of this contract's document; read the document again and sign its hash");
    }
    apply(new ContractSigned(id, party, c.organizationId(), c.userId(), hash, now));
    if (signedBy.size() == 2) {
      activate(now, rights, settings, deadlines);
    }
    return status;
  }

  @CommandHandler
  ContractStatus handle(TerminateContract c, Clock clock, ContractSettings settings) {
    if (status != ContractStatus.ACTIVE) {
      throw new StateConflict("Only an ACTIVE contract can be terminated; this one is " + status);
    }
    if (c.reason() == null || c.reason().isBlank()) {
      throw new InvalidValue("reason", "must not be blank");
    }
    Instant now = clock.instant();
    LocalDate today = settings.dateOf(now);
    LocalDate from = c.effectiveFrom() == null ? today : c.effectiveFrom();
    if (from.isBefore(today)) {
      throw new InvalidValue("effectiveFrom", "must not be in the past (today is " + today + ")");
    }
    if (from.isAfter(terms.window().termEnd())) {
      throw new InvalidValue("effectiveFrom", "must not be after the term's last day " + terms.window().termEnd());
    }
    apply(new ContractTerminated(id, terms.titleId(), c.reason().strip(), from, c.userId(), now));
    return status;
  }

  @DeadlineHandler(deadlineName = SIGNING)
  void onSigningDeadline(ContractTimer timer, Clock clock) {
    lapseIfDue(clock.instant());
  }

  @DeadlineHandler(deadlineName = TERM)
  void onTermEnd(ContractTimer timer, Clock clock) {
    if (status == ContractStatus.ACTIVE) {
      apply(new ContractExpired(id, clock.instant()));
    }
  }

  private void activate(Instant now, RightsRegister rights, ContractSettings settings, DeadlineManager deadlines) {
    TitleId title = new TitleId(terms.titleId());
    rights.lockForGrant(title);
    Avails avails = rights.avails(title,
        new AvailsRequest(terms.window().toWindow(), terms.exclusive(), terms.sublicensable()));
    if (!avails.available()) {
      apply(new ContractVoided(id, describe(avails.blockers()), now));
      refundDeposit();
      return;
    }
    LocalDate activatedOn = settings.dateOf(now);
    apply(new ContractActivated(id, terms.titleId(), terms.window(), terms.exclusive(),
        terms.licensor().organizationId(), terms.licensee().organizationId(), terms.balanceDue(), terms.currency(),
        activatedOn.plusDays(terms.paymentDueDays()), now));
    deadlines.schedule(settings.startOf(terms.window().termEnd().plusDays(1)), TERM, new ContractTimer(TERM));
  }

  private void lapseIfDue(Instant now) {
    if (status != ContractStatus.AWAITING_SIGNATURES || now.isBefore(terms.signingDeadline())) {
      return;
    }
    List<Party> unsigned = new ArrayList<>();
    for (Party p : Party.values()) {
      if (!signedBy.containsKey(p)) {
        unsigned.add(p);
      }
    }
    apply(new ContractLapsed(id, unsigned, terms.signingDeadline()));
    if (terms.depositApplied() > 0 && unsigned.contains(Party.LICENSEE)) {
      apply(new DepositForfeited(id, terms.listingId(), terms.licensee().organizationId(),
          terms.licensor().organizationId(), terms.depositApplied(), terms.currency()));
    } else {
      refundDeposit();
    }
  }

  private void refundDeposit() {
    if (terms.depositApplied() > 0) {
      apply(new DepositRefunded(id, terms.listingId(), terms.licensee().organizationId(), terms.depositApplied(),
          terms.currency()));
    }
  }

  private Party partyOf(String organizationId) {
    for (Party p : Party.values()) {
      if (terms.party(p).organizationId().equals(organizationId)) {
        return p;
      }
    }
    throw new NotFound("contract", id.value());
  }

  private static String describe(List<Blocker> blockers) {
    List<String> parts = new ArrayList<>();
    for (Blocker b : blockers) {
      if (b instanceof GrantedElsewhere g) {
        parts.add((g.exclusive() ? "exclusively " : "") + "licensed under contract " + g.contractId());
      } else if (b instanceof NotHeld) {
        parts.add("no longer held by the licensor");
      }
    }
    return "The window is no longer available: " + String.join("; ", parts.stream().distinct().toList());
  }

  // ---- state --------------------------------------------------------------------------------

  @EventSourcingHandler
  void on(ContractDrafted e) {
    aggregateId = e.contractId().value();
    id = e.contractId();
    terms = e.terms();
    documentSha256 = e.documentSha256();
    status = ContractStatus.AWAITING_SIGNATURES;
  }

  @EventSourcingHandler
  void on(ContractSigned e) {
    signedBy.put(e.party(), e.signerUserId());
  }

  @EventSourcingHandler
  void on(ContractActivated e) {
    status = ContractStatus.ACTIVE;
  }

  @EventSourcingHandler
  void on(ContractVoided e) {
    status = ContractStatus.VOID;
  }

  @EventSourcingHandler
  void on(ContractLapsed e) {
    status = ContractStatus.LAPSED;
  }

  @EventSourcingHandler
  void on(ContractExpired e) {
    status = ContractStatus.EXPIRED;
  }

  @EventSourcingHandler
  void on(ContractTerminated e) {
    status = ContractStatus.TERMINATED;
  }
}
