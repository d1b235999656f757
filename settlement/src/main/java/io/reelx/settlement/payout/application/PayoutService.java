package io.reelx.settlement.payout.application;

import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.application.Requests;
import io.reelx.settlement.application.Rows;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.application.StreamLog;
import io.reelx.settlement.eventsourcing.Refused;
import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.payout.domain.Payout;
import io.reelx.settlement.payout.domain.PayoutEvent;
import io.reelx.settlement.payout.domain.PayoutEvent.PayoutApproved;
import io.reelx.settlement.payout.domain.PayoutEvent.PayoutRefused;
import io.reelx.settlement.payout.domain.PayoutEvent.PayoutRequested;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.payout.domain.CoveredPayout;
import io.reelx.settlement.payout.domain.FourEyes;
import io.reelx.settlement.terms.domain.FieldError;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Payouts, each on its own stream ({@link Payout}): one finance officer requests, another approves
 * ({@link FourEyes}) or refuses, and only what the organisation's posted balance covers is paid
 * ({@link CoveredPayout}). The events become the payout's row and its transfer.
 */
public final class PayoutService {

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final JdbcLedger ledger;
  private final Clock clock;
  private StreamLog streams = StreamLog.inMemory();

  public PayoutService(JdbcTemplate jdbc, TransactionOperations tx, JdbcLedger ledger, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Where the payouts' streams are recorded (exchange-core: its event store); in memory unless told. */
  public PayoutService withStreamLog(StreamLog streams) {
    this.streams = Objects.requireNonNull(streams, "streams");
    return this;
  }

  /** A payout to an organisation, requested (nothing moves yet); the id is the idempotency key. */
  public PayoutRecord requestPayout(String id, String organizationId, long amount, String currency, String requestedBy) {
    List<FieldError> errors = new ArrayList<>();
    if (organizationId == null || organizationId.isBlank()) {
      errors.add(new FieldError("organizationId", "is required"));
    }
    if (amount <= 0) {
      errors.add(new FieldError("amount", "must be positive"));
    }
    if (!Money.isCurrency(currency)) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    }
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The payout is invalid", errors);
    }
    return tx.execute(s -> {
      Requests.oneAtATime(jdbc, "payout:" + id);
      record(id, new Payout.Request(id, organizationId, Money.of(amount, currency), requestedBy, clock.instant()));
      return payout(id).orElseThrow();
    });
  }

  /**
   * Approves a requested payout and posts it (organisation -> bank), if the organisation's posted
   * balance covers it ({@link CoveredPayout}) and the approver is not the requester ({@link
   * FourEyes}). Approving an approved payout answers it again.
   */
  public PayoutRecord approvePayout(String id, String approvedBy) {
    return tx.execute(s -> {
      PayoutRecord p = jdbc.query("SELECT * FROM settlement_payout WHERE id = ? FOR UPDATE", (rs, n) -> Rows.payout(rs), id)
          .stream().findFirst().orElseThrow(() -> new SettlementProblem.NotFound("payout", id));
      AccountId account = AccountId.organization(new OrganizationId(p.organizationId()), p.currency());
      // locked until this payout commits: two approvals for one account are decided one after the other
      AccountBalance balance = ledger.lockedBalance(account).orElse(null);
      record(id, new Payout.Approve(id, approvedBy, balance, clock.instant()));
      return payout(id).orElseThrow();
    });
  }

  /** Refuses a requested payout (it will never be paid); refusing a refused payout answers it again. */
  public PayoutRecord refusePayout(String id, String refusedBy, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new SettlementProblem.Invalid("A refusal needs a reason", List.of(new FieldError("reason", "is required")));
    }
    return tx.execute(s -> {
      jdbc.query("SELECT id FROM settlement_payout WHERE id = ? FOR UPDATE", (rs, n) -> rs.getString(1), id)
          .stream().findFirst().orElseThrow(() -> new SettlementProblem.NotFound("payout", id));
      record(id, new Payout.Refuse(id, refusedBy, reason, clock.instant()));
      return payout(id).orElseThrow();
    });
  }

  /** Decides and records {@code command} on the payout's stream, projects its events into the row and posts their transfers. */
  private void record(String id, Payout.Command command) {
    String stream = Payout.streamIdOf(id);
    if (!streams.exists(stream)) {
      // a payout stored before payouts were events joins its stream with its next command
      payout(id).ifPresent(p -> project(decide(stream, new Payout.Adopt(new PayoutRequested(p.id(), p.organizationId(),
          Money.of(p.amount(), p.currency()), p.requestedBy(), p.requestedAt()),
          p.approvedAt() == null ? null : new PayoutApproved(p.id(), p.approvedBy(), p.approvedAt())))));
    }
    project(decide(stream, command));
  }

  private StreamLog.Recorded<Payout, PayoutEvent> decide(String stream, Payout.Command command) {
    try {
      return streams.record(stream, command);
    } catch (Refused refused) {
      throw Requests.problem(refused);
    }
  }

  private void project(StreamLog.Recorded<Payout, PayoutEvent> recorded) {
    List<Transfer> transfers = new ArrayList<>();
    for (PayoutEvent event : recorded.events()) {
      if (event instanceof PayoutRequested e) {
        jdbc.update("INSERT INTO settlement_payout (id, organization_id, amount, currency, status, requested_by, requested_at)"
                + " VALUES (?,?,?,?,'REQUESTED',?,?) ON CONFLICT (id) DO NOTHING", e.payoutId(), e.organizationId(), e.amount().minor(),
            e.amount().currency(), e.requestedBy(), Timestamp.from(e.at()));
      } else if (event instanceof PayoutApproved e) {
        jdbc.update("UPDATE settlement_payout SET status = 'APPROVED', approved_by = ?, approved_at = ? WHERE id = ?", e.approvedBy(),
            Timestamp.from(e.at()), e.payoutId());
      } else if (event instanceof PayoutRefused e) {
        jdbc.update("UPDATE settlement_payout SET status = 'REFUSED', refused_by = ?, refused_at = ?, refusal_reason = ? WHERE id = ?",
            e.refusedBy(), Timestamp.from(e.at()), e.reason(), e.payoutId());
      }
      transfers.addAll(recorded.state().postings(event));
    }
    ledger.submitAll(transfers);
  }

  public Optional<PayoutRecord> payout(String id) {
    return jdbc.query("SELECT * FROM settlement_payout WHERE id = ?", (rs, n) -> Rows.payout(rs), id).stream().findFirst();
  }

  public List<PayoutRecord> payouts(String organizationId) {
    return organizationId == null
        ? jdbc.query("SELECT * FROM settlement_payout ORDER BY requested_at, id", (rs, n) -> Rows.payout(rs))
        : jdbc.query("SELECT * FROM settlement_payout WHERE organization_id = ? ORDER BY requested_at, id", (rs, n) -> Rows.payout(rs),
            organizationId);
  }
}
