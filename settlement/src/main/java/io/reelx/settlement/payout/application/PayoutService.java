package io.reelx.settlement.payout.application;

import io.reelx.settlement.application.Records.PayoutRecord;
import io.reelx.settlement.application.Requests;
import io.reelx.settlement.application.Rows;
import io.reelx.settlement.application.SettlementProblem;
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
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Payouts: one finance officer requests, another approves ({@link FourEyes}), and only what the
 * organisation's posted balance covers is paid ({@link CoveredPayout}).
 */
public final class PayoutService {

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final JdbcLedger ledger;
  private final Clock clock;

  public PayoutService(JdbcTemplate jdbc, TransactionOperations tx, JdbcLedger ledger, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.ledger = ledger;
    this.clock = clock;
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
      Optional<PayoutRecord> existing = payout(id);
      if (existing.isPresent()) {
        PayoutRecord p = existing.get();
        if (p.organizationId().equals(organizationId) && p.amount() == amount && p.currency().equals(currency)) {
          return p;
        }
        throw new SettlementProblem.Conflict("Idempotency key " + id + " was used for another payout");
      }
      Instant now = clock.instant();
      jdbc.update("INSERT INTO settlement_payout (id, organization_id, amount, currency, status, requested_by, requested_at)"
          + " VALUES (?,?,?,?,'REQUESTED',?,?)", id, organizationId, amount, currency, requestedBy, Timestamp.from(now));
      return new PayoutRecord(id, organizationId, amount, currency, "REQUESTED", requestedBy, now, null, null);
    });
  }

  /**
   * Approves a requested payout and posts it (organisation -> bank), if the organisation's posted
   * balance covers it and the approver is not the requester (four eyes). Approving an approved
   * payout answers it again.
   */
  public PayoutRecord approvePayout(String id, String approvedBy) {
    return tx.execute(s -> {
      PayoutRecord p = jdbc.query("SELECT * FROM settlement_payout WHERE id = ? FOR UPDATE", (rs, n) -> Rows.payout(rs), id)
          .stream().findFirst().orElseThrow(() -> new SettlementProblem.NotFound("payout", id));
      if (p.status().equals("APPROVED")) {
        return p;
      }
      FourEyes.refusal(id, p.requestedBy(), approvedBy).ifPresent(reason -> {
        throw new SettlementProblem.Refused("four-eyes", reason);
      });
      AccountId account = AccountId.organization(new OrganizationId(p.organizationId()), p.currency());
      // locked until this payout commits: two approvals for one account are decided one after the other
      CoveredPayout.refusal(p.organizationId(), ledger.lockedBalance(account).orElse(null), Money.of(p.amount(), p.currency()))
          .ifPresent(reason -> {
            throw new SettlementProblem.Refused("insufficient-balance", reason);
          });
      Instant now = clock.instant();
      ledger.submitAll(List.of(Transfer.posted("payout:" + id, account, AccountId.system(AccountKind.BANK, p.currency()),
          Money.of(p.amount(), p.currency()), TransferCode.PAYOUT)));
      jdbc.update("UPDATE settlement_payout SET status = 'APPROVED', approved_by = ?, approved_at = ? WHERE id = ?", approvedBy,
          Timestamp.from(now), id);
      return new PayoutRecord(p.id(), p.organizationId(), p.amount(), p.currency(), "APPROVED", p.requestedBy(), p.requestedAt(),
          approvedBy, now);
    });
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
