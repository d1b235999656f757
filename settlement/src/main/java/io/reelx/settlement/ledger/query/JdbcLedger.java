package io.reelx.settlement.ledger.query;

import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.Ledger;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferCode;
import io.reelx.settlement.ledger.domain.TransferId;
import io.reelx.settlement.ledger.domain.TransferRefused;
import io.reelx.settlement.ledger.domain.TransferResult;
import io.reelx.settlement.ledger.domain.TransferResult.Reason;
import io.reelx.settlement.ledger.domain.TrialBalance;
import io.reelx.settlement.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The double-entry ledger on PostgreSQL. Its rules are the pure {@link Ledger}'s, not repeated
 * here: a batch locks and loads the accounts and transfers it touches into a {@code Ledger},
 * submits to it, and persists what it accepted. So transfers
 * are immutable and keyed by their idempotency id (an identical replay returns the original, the
 * same id with other content is refused), holds are resolved once, and a batch is all-or-nothing.
 *
 * <p>Concurrency: a batch first opens its accounts, then locks their rows in id order
 * ({@code SELECT ... FOR UPDATE}) before reading any transfer, so concurrent batches on the same
 * accounts run one after the other (no lost updates, no deadlock) and a concurrent replay sees the
 * first writer's rows. Runs in the caller's transaction if there is one.
 */
public final class JdbcLedger {

  private final JdbcTemplate jdbc;
  private final TransactionOperations transactions;
  private final Clock clock;

  public JdbcLedger(JdbcTemplate jdbc, TransactionOperations transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Records every transfer or none; throws {@link TransferRefused} naming the first refusal. */
  public List<TransferResult> submitAll(List<Transfer> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    return transactions.execute(status -> record(batch));
  }

  public TransferResult submit(Transfer transfer) {
    return submitAll(List.of(transfer)).get(0);
  }

  /**
   * Locks and loads what the batch touches into the pure {@link Ledger}, lets it decide, and
   * persists what it accepted: the new transfers, the holds they resolved, the accounts' totals.
   */
  private List<TransferResult> record(List<Transfer> batch) {
    TreeSet<String> accountIds = new TreeSet<>();
    Map<String, AccountId> byName = new HashMap<>();
    List<String> transferIds = new ArrayList<>();
    for (Transfer t : batch) {
      accountIds.add(t.debit().toString());
      accountIds.add(t.credit().toString());
      byName.put(t.debit().toString(), t.debit());
      byName.put(t.credit().toString(), t.credit());
      transferIds.add(t.id().value());
      if (t.pendingId() != null) {
        transferIds.add(t.pendingId().value());
      }
    }
    // open (idempotently), then lock in a fixed order
    List<Object[]> opens = new ArrayList<>();
    for (String id : accountIds) {
      AccountId a = byName.get(id);
      opens.add(new Object[] {id, a.kind().name(), a.owner(), a.currency()});
    }
    jdbc.batchUpdate("INSERT INTO ledger_account (id, kind, owner, currency) VALUES (?,?,?,?) ON CONFLICT (id) DO NOTHING", opens);
    Ledger ledger = new Ledger();
    jdbc.query("SELECT * FROM ledger_account WHERE id = ANY (?) ORDER BY id FOR UPDATE", rs -> {
      ledger.restore(balance(rs));
    }, (Object) accountIds.toArray(new String[0]));
    jdbc.query("SELECT * FROM ledger_transfer WHERE id = ANY (?)", rs -> {
      String state = rs.getString("hold_state");
      ledger.restore(transfer(rs), state == null ? null : Ledger.HoldStatus.valueOf(state));
    }, (Object) transferIds.toArray(new String[0]));

    List<TransferResult> results = ledger.submitAll(batch);
    List<Transfer> accepted = new ArrayList<>();
    for (TransferResult result : results) {
      if (result instanceof TransferResult.Refused refused && refused.reason() != Reason.BATCH_ABORTED) {
        throw new TransferRefused(refused);
      }
      if (result instanceof TransferResult.Accepted) {
        accepted.add(result.transfer());
      }
    }
    if (accepted.isEmpty()) {
      return results;
    }
    Timestamp at = Timestamp.from(clock.instant());
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> resolved = new ArrayList<>();
    for (Transfer t : accepted) {
      rows.add(new Object[] {t.id().value(), t.debit().toString(), t.credit().toString(), t.amount().minor(),
          t.amount().currency(), t.code().name(), t.phase().name(), t.pendingId() == null ? null : t.pendingId().value(),
          t.phase() == Transfer.Phase.PENDING ? ledger.holdStatus(t.id()).name() : null, at});
      if (t.pendingId() != null) {
        resolved.add(new Object[] {ledger.holdStatus(t.pendingId()).name(), at, t.pendingId().value()});
      }
    }
    jdbc.batchUpdate("INSERT INTO ledger_transfer (id, debit, credit, amount, currency, code, phase, pending_id, hold_state,"
        + " created_at) VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
    if (!resolved.isEmpty()) {
      jdbc.batchUpdate("UPDATE ledger_transfer SET hold_state = ?, resolved_at = ? WHERE id = ?", resolved);
    }
    TreeSet<String> changed = new TreeSet<>();
    for (Transfer t : accepted) {
      changed.add(t.debit().toString());
      changed.add(t.credit().toString());
    }
    List<Object[]> updates = new ArrayList<>();
    for (String id : changed) {
      AccountBalance b = ledger.balance(byName.get(id));
      updates.add(new Object[] {b.debitsPending(), b.debitsPosted(), b.creditsPending(), b.creditsPosted(), id});
    }
    jdbc.batchUpdate("UPDATE ledger_account SET debits_pending = ?, debits_posted = ?, credits_pending = ?, credits_posted = ?"
        + " WHERE id = ?", updates);
    return results;
  }

  private static Transfer transfer(ResultSet rs) throws SQLException {
    String pending = rs.getString("pending_id");
    return new Transfer(new TransferId(rs.getString("id")), account(rs.getString("debit")), account(rs.getString("credit")),
        Money.of(rs.getLong("amount"), rs.getString("currency").trim()), TransferCode.valueOf(rs.getString("code")),
        Transfer.Phase.valueOf(rs.getString("phase")), pending == null ? null : new TransferId(pending));
  }

  /** Parses {@code kind:owner:currency} (owners never contain ':' at either end; the kind and currency never do). */
  static AccountId account(String id) {
    int first = id.indexOf(':');
    int last = id.lastIndexOf(':');
    return new AccountId(AccountKind.valueOf(id.substring(0, first)), id.substring(first + 1, last), id.substring(last + 1));
  }

  // ------------------------------------------------------------------ reads

  public java.util.Optional<Transfer> transfer(TransferId id) {
    return jdbc.query("SELECT * FROM ledger_transfer WHERE id = ?", (rs, n) -> transfer(rs), id.value()).stream().findFirst();
  }

  /** A hold's status (empty for an unknown id or a transfer that is not a hold). */
  public java.util.Optional<Ledger.HoldStatus> holdState(TransferId id) {
    return jdbc.query("SELECT hold_state FROM ledger_transfer WHERE id = ? AND hold_state IS NOT NULL",
        (rs, n) -> Ledger.HoldStatus.valueOf(rs.getString(1)), id.value()).stream().findFirst();
  }

  /**
   * The account's balance with its row locked until the end of the current transaction: a check on
   * it (a payout covered by what is owed) holds until the posting that depends on it commits.
   */
  public java.util.Optional<AccountBalance> lockedBalance(AccountId account) {
    return jdbc.query("SELECT * FROM ledger_account WHERE id = ? FOR UPDATE", (rs, n) -> balance(rs), account.toString())
        .stream().findFirst();
  }

  public java.util.Optional<AccountBalance> balance(AccountId account) {
    return jdbc.query("SELECT * FROM ledger_account WHERE id = ?", (rs, n) -> balance(rs), account.toString()).stream().findFirst();
  }

  /** The accounts of one owner (an organisation id, or {@code reelx}), by id. */
  public List<AccountBalance> balancesOf(String owner) {
    return jdbc.query("SELECT * FROM ledger_account WHERE owner = ? ORDER BY id", (rs, n) -> balance(rs), owner);
  }

  /** An account's transfers, newest first, at most {@code limit}. */
  public List<Transfer> transfersOf(AccountId account, int limit) {
    return jdbc.query("SELECT * FROM ledger_transfer WHERE debit = ? OR credit = ? ORDER BY seq DESC LIMIT ?",
        (rs, n) -> transfer(rs), account.toString(), account.toString(), limit);
  }

  public long transferCount() {
    Long n = jdbc.queryForObject("SELECT count(*) FROM ledger_transfer", Long.class);
    return n == null ? 0 : n;
  }

  /**
   * Every account and, per currency, the sums of its totals; read in one statement, so it is a
   * consistent snapshot even while transfers are being posted.
   */
  public TrialBalance trialBalance() {
    List<AccountBalance> balances = jdbc.query("SELECT * FROM ledger_account ORDER BY id", (rs, n) -> balance(rs));
    Map<String, long[]> sums = new TreeMap<>();
    for (AccountBalance b : balances) {
      long[] s = sums.computeIfAbsent(b.account().currency(), c -> new long[4]);
      s[0] = Math.addExact(s[0], b.debitsPosted());
      s[1] = Math.addExact(s[1], b.creditsPosted());
      s[2] = Math.addExact(s[2], b.debitsPending());
      s[3] = Math.addExact(s[3], b.creditsPending());
    }
    Map<String, TrialBalance.Totals> byCurrency = new TreeMap<>();
    sums.forEach((c, s) -> byCurrency.put(c, new TrialBalance.Totals(s[0], s[1], s[2], s[3])));
    return new TrialBalance(balances, byCurrency);
  }

  private static AccountBalance balance(ResultSet rs) throws SQLException {
    return new AccountBalance(account(rs.getString("id")), rs.getLong("debits_pending"), rs.getLong("debits_posted"),
        rs.getLong("credits_pending"), rs.getLong("credits_posted"));
  }
}
