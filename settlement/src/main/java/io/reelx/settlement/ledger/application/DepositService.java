package io.reelx.settlement.ledger.application;

import io.reelx.settlement.application.Requests;
import io.reelx.settlement.application.StreamLog;
import io.reelx.settlement.ledger.domain.DepositCommand;
import io.reelx.settlement.ledger.domain.DepositEvent;
import io.reelx.settlement.ledger.domain.DepositState;
import io.reelx.settlement.ledger.domain.ListingDeposits;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Bidders' deposits, on each listing's deposit stream ({@link ListingDeposits}): received and held
 * while the auction runs, released for losers, captured for the winner, then applied to the price,
 * forfeited or refunded. Each command is decided and recorded, and its events become the deposit's
 * row ({@code settlement_deposit}) and its transfers (ids derived from the registration), in one
 * transaction (joining the caller's, e.g. an event processor's).
 */
public final class DepositService {

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final JdbcLedger ledger;
  private StreamLog streams = StreamLog.inMemory();

  public DepositService(JdbcTemplate jdbc, TransactionOperations tx, JdbcLedger ledger) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.ledger = ledger;
  }

  /** Where the deposit streams are recorded (exchange-core: its event store); in memory unless told. */
  public DepositService withStreamLog(StreamLog streams) {
    this.streams = Objects.requireNonNull(streams, "streams");
    return this;
  }

  public void listingOffered(String listingId, String holderOrganizationId) {
    jdbc.update("INSERT INTO settlement_listing (listing_id, holder_org_id) VALUES (?,?) ON CONFLICT (listing_id) DO NOTHING",
        listingId, holderOrganizationId);
  }

  /** Finance saw a bidder's deposit arrive: bank -> platform, then held (pending) platform -> escrow. */
  public void depositReceived(String registrationId, String listingId, String platform, long amount, String currency) {
    tx.executeWithoutResult(s -> record(new DepositCommand.Receive(listingId, registrationId, platform, Money.of(amount, currency))));
  }

  /** A losing bidder's hold is voided. */
  public void depositReleased(String registrationId) {
    tx.executeWithoutResult(s -> listingOf(registrationId).ifPresent(listing ->
        record(new DepositCommand.Release(listing, registrationId))));
  }

  /** The winner's hold is captured into escrow; it goes to the licensor when the contract is active. */
  public void depositApplied(String registrationId) {
    tx.executeWithoutResult(s -> listingOf(registrationId).ifPresent(listing ->
        record(new DepositCommand.Capture(listing, registrationId))));
  }

  /**
   * The contract the winner signed became active: its captured deposit counts toward the price
   * (escrow -> licensor). Answers the transfers for the caller to post with the agreement's opening
   * (none if the winner's deposit was not captured).
   */
  public List<Transfer> appliedToPrice(String listingId, String platform, String licensor) {
    return decide(new DepositCommand.ApplyToPrice(listingId, platform, licensor));
  }

  /** A winner that did not sign: its deposit (captured first if the award never did) goes to the beneficiary. */
  public void depositForfeited(String listingId, String platform, String beneficiary) {
    tx.executeWithoutResult(s -> record(new DepositCommand.Forfeit(listingId, platform, beneficiary)));
  }

  /** The contract fell through, not the licensee's fault: a captured deposit goes back, a held one is released. */
  public void depositRefunded(String listingId, String platform) {
    tx.executeWithoutResult(s -> record(new DepositCommand.Refund(listingId, platform)));
  }

  private void record(DepositCommand command) {
    ledger.submitAll(decide(command));
  }

  /** Decides and records {@code command}, projects its events into the rows, and answers their transfers. */
  private List<Transfer> decide(DepositCommand command) {
    String stream = ListingDeposits.streamIdOf(command.listingId());
    Requests.oneAtATime(jdbc, stream);
    List<Transfer> transfers = new ArrayList<>();
    if (!streams.exists(stream)) {
      // deposits stored before they were events join the listing's stream with its first command
      List<ListingDeposits.Deposit> rows = jdbc.query("SELECT registration_id, platform_org_id, amount, currency, state"
              + " FROM settlement_deposit WHERE listing_id = ? ORDER BY registration_id FOR UPDATE",
          (rs, n) -> new ListingDeposits.Deposit(rs.getString(1), rs.getString(2), Money.of(rs.getLong(3), rs.getString(4).trim()),
              DepositState.valueOf(rs.getString(5))), command.listingId());
      if (!rows.isEmpty()) {
        transfers.addAll(project(streams.record(stream, new DepositCommand.Adopt(command.listingId(), rows))));
      }
    }
    transfers.addAll(project(streams.record(stream, command)));
    return transfers;
  }

  private List<Transfer> project(StreamLog.Recorded<ListingDeposits, DepositEvent> recorded) {
    List<Transfer> transfers = new ArrayList<>();
    for (DepositEvent event : recorded.events()) {
      if (event instanceof DepositEvent.DepositReceived e) {
        jdbc.update("INSERT INTO settlement_deposit (registration_id, listing_id, platform_org_id, amount, currency, state)"
                + " VALUES (?,?,?,?,?,?) ON CONFLICT (registration_id) DO NOTHING", e.registrationId(), e.listingId(), e.platform(),
            e.amount().minor(), e.amount().currency(), DepositState.HELD.name());
      } else {
        jdbc.update("UPDATE settlement_deposit SET state = ? WHERE registration_id = ?", ListingDeposits.stateAfter(event).name(),
            event.registrationId());
      }
      transfers.addAll(recorded.state().postings(event));
    }
    return transfers;
  }

  private Optional<String> listingOf(String registrationId) {
    return jdbc.query("SELECT listing_id FROM settlement_deposit WHERE registration_id = ?", (rs, n) -> rs.getString(1), registrationId)
        .stream().findFirst();
  }
}
