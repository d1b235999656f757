package io.reelx.settlement.ledger.application;

import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.DepositPlan;
import io.reelx.settlement.ledger.domain.DepositState;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferId;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Bidders' deposits: received and held while the auction runs, released for losers, captured for
 * the winner, then applied to the price, forfeited or refunded. Each step posts its transfers
 * (ids derived from the registration) and moves the deposit's state, in one transaction (joining
 * the caller's, e.g. an event processor's).
 */
public final class DepositService {

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final JdbcLedger ledger;

  public DepositService(JdbcTemplate jdbc, TransactionOperations tx, JdbcLedger ledger) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.ledger = ledger;
  }

  public void listingOffered(String listingId, String holderOrganizationId) {
    jdbc.update("INSERT INTO settlement_listing (listing_id, holder_org_id) VALUES (?,?) ON CONFLICT (listing_id) DO NOTHING",
        listingId, holderOrganizationId);
  }

  /** Finance saw a bidder's deposit arrive: bank -> platform, then held (pending) platform -> escrow. */
  public void depositReceived(String registrationId, String listingId, String platform, long amount, String currency) {
    tx.executeWithoutResult(s -> {
      jdbc.update("INSERT INTO settlement_deposit (registration_id, listing_id, platform_org_id, amount, currency, state)"
          + " VALUES (?,?,?,?,?,?) ON CONFLICT (registration_id) DO NOTHING", registrationId, listingId, platform, amount, currency,
          DepositState.HELD.name());
      Money money = Money.of(amount, currency);
      OrganizationId org = new OrganizationId(platform);
      ledger.submitAll(List.of(DepositPlan.received(registrationId, org, money), DepositPlan.hold(registrationId, org, money)));
    });
  }

  /** A losing bidder's hold is voided. */
  public void depositReleased(String registrationId) {
    tx.executeWithoutResult(s -> deposit(registrationId).ifPresent(d -> {
      ledger.submitAll(List.of(DepositPlan.release(registrationId, hold(registrationId))));
      setDepositState(registrationId, DepositState.RELEASED);
    }));
  }

  /** The winner's hold is captured into escrow; it goes to the licensor when the contract is active. */
  public void depositApplied(String registrationId) {
    tx.executeWithoutResult(s -> deposit(registrationId).ifPresent(d -> {
      ledger.submitAll(List.of(DepositPlan.capture(registrationId, hold(registrationId))));
      if (d.state == DepositState.HELD) {
        setDepositState(registrationId, DepositState.CAPTURED);
      }
    }));
  }

  /**
   * The contract the winner signed became active: its captured deposit counts toward the price
   * (escrow -> licensor). Answers the transfer to post with the agreement's opening (none if the
   * winner's deposit was not captured).
   */
  public List<Transfer> appliedToPrice(String listingId, String platform, String licensor) {
    List<Transfer> transfers = new ArrayList<>();
    jdbc.query("SELECT registration_id, amount, currency FROM settlement_deposit WHERE listing_id = ? AND platform_org_id = ?"
            + " AND state = ? FOR UPDATE", rs -> {
          transfers.add(DepositPlan.applyCaptured(rs.getString(1), new OrganizationId(licensor),
              Money.of(rs.getLong(2), rs.getString(3).trim())));
          setDepositState(rs.getString(1), DepositState.APPLIED);
        }, listingId, platform, DepositState.CAPTURED.name());
    return transfers;
  }

  /** A winner that did not sign: its captured deposit goes to the beneficiary. */
  public void depositForfeited(String listingId, String platform, String beneficiary) {
    tx.executeWithoutResult(s -> depositOf(listingId, platform).ifPresent(d -> {
      // capture first if the award never did; an earlier capture replays (same id, same content)
      List<Transfer> transfers = new ArrayList<>();
      transfers.add(DepositPlan.capture(d.registrationId, hold(d.registrationId)));
      transfers.add(DepositPlan.forfeitCaptured(d.registrationId, AccountId.organization(new OrganizationId(beneficiary), d.currency),
          Money.of(d.amount, d.currency)));
      ledger.submitAll(transfers);
      setDepositState(d.registrationId, DepositState.FORFEITED);
    }));
  }

  /** The contract fell through, not the licensee's fault: a captured deposit goes back, a held one is released. */
  public void depositRefunded(String listingId, String platform) {
    tx.executeWithoutResult(s -> depositOf(listingId, platform).ifPresent(d -> {
      if (d.state == DepositState.HELD) {
        ledger.submitAll(List.of(DepositPlan.release(d.registrationId, hold(d.registrationId))));
      } else {
        ledger.submitAll(List.of(DepositPlan.refund(d.registrationId, new OrganizationId(platform), Money.of(d.amount, d.currency))));
      }
      setDepositState(d.registrationId, DepositState.REFUNDED);
    }));
  }

  private record Deposit(String registrationId, long amount, String currency, DepositState state) {}

  private Optional<Deposit> deposit(String registrationId) {
    return jdbc.query("SELECT registration_id, amount, currency, state FROM settlement_deposit WHERE registration_id = ? FOR UPDATE",
        (rs, n) -> new Deposit(rs.getString(1), rs.getLong(2), rs.getString(3).trim(), DepositState.valueOf(rs.getString(4))), registrationId)
        .stream().findFirst();
  }

  private Optional<Deposit> depositOf(String listingId, String platform) {
    return jdbc.query("SELECT registration_id, amount, currency, state FROM settlement_deposit WHERE listing_id = ?"
            + " AND platform_org_id = ? FOR UPDATE",
        (rs, n) -> new Deposit(rs.getString(1), rs.getLong(2), rs.getString(3).trim(), DepositState.valueOf(rs.getString(4))), listingId, platform)
        .stream().findFirst();
  }

  private void setDepositState(String registrationId, DepositState state) {
    jdbc.update("UPDATE settlement_deposit SET state = ? WHERE registration_id = ?", state.name(), registrationId);
  }

  private Transfer hold(String registrationId) {
    return ledger.transfer(new TransferId("deposit:" + registrationId + ":hold"))
        .orElseThrow(() -> new IllegalStateException("no hold for deposit " + registrationId));
  }
}
