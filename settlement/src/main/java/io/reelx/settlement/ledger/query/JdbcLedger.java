package io.reelx.settlement.ledger.query;

import io.reelx.settlement.ledger.domain.AccountBalance;
import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The double-entry ledger on PostgreSQL, behaving like the in-memory {@code Ledger}: transfers
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

  private static final class Totals {
    long debitsPending;
    long debitsPosted;
    long creditsPending;
    long creditsPosted;
    boolean changed;
  }

  private List<TransferResult> record(List<Transfer> batch) {
    TreeSet<String> accountIds = new TreeSet<>();
    List<String> transferIds = new ArrayList<>();
    for (Transfer t : batch) {
      accountIds.add(t.debit().toString());
      accountIds.add(t.credit().toString());
      transferIds.add(t.id().value());
      if (t.pendingId() != null) {
        transferIds.add(t.pendingId().value());
      }
    }
    // open (idempotently), then lock in a fixed order
    Map<String, AccountId> byName = new HashMap<>();
    for (Transfer t : batch) {
      byName.put(t.debit().toString(), t.debit());
      byName.put(t.credit().toString(), t.credit());
    }
    List<Object[]> opens = new ArrayList<>();
    for (String id : accountIds) {
      AccountId a = byName.get(id);
      opens.add(new Object[] {id, a.kind().name(), a.owner(), a.currency()});
    }
    jdbc.batchUpdate("INSERT INTO ledger_account (id, kind, owner, currency) VALUES (?,?,?,?) ON CONFLICT (id) DO NOTHING", opens);
    Map<String, Totals> totals = new LinkedHashMap<>();
    jdbc.query("SELECT id, debits_pending, debits_posted, credits_pending, credits_posted FROM ledger_account"
        + " WHERE id = ANY (?) ORDER BY id FOR UPDATE", rs -> {
          Totals t = new Totals();
          t.debitsPending = rs.getLong(2);
          t.debitsPosted = rs.getLong(3);
          t.creditsPending = rs.getLong(4);
          t.creditsPosted = rs.getLong(5);
          totals.put(rs.getString(1), t);
        }, (Object) accountIds.toArray(new String[0]));

    Map<TransferId, Transfer> known = new HashMap<>();
    Map<TransferId, String> holdStates = new HashMap<>();
    jdbc.query("SELECT * FROM ledger_transfer WHERE id = ANY (?)", rs -> {
      Transfer t = transfer(rs);
      known.put(t.id(), t);
      if (rs.getString("hold_state") != null) {
        holdStates.put(t.id(), rs.getString("hold_state"));
      }
    }, (Object) transferIds.toArray(new String[0]));

    Instant now = clock.instant();
    List<TransferResult> results = new ArrayList<>(batch.size());
    List<Transfer> accepted = new ArrayList<>();
    for (Transfer t : batch) {
      Transfer existing = known.get(t.id());
      if (existing != null) {
        if (!existing.equals(t)) {
          throw new TransferRefused(new TransferResult.Refused(t, Reason.ID_REUSED_WITH_DIFFERENT_CONTENT,
              "transfer " + t.id() + " was recorded as " + existing));
        }
        results.add(new TransferResult.Replayed(existing));
        continue;
      }
      TransferResult.Refused refused = check(t, known, holdStates);
      if (refused != null) {
        throw new TransferRefused(refused);
      }
      apply(t, totals, known, holdStates);
      known.put(t.id(), t);
      accepted.add(t);
      results.add(new TransferResult.Accepted(t));
    }
    if (accepted.isEmpty()) {
      return results;
    }
    Timestamp at = Timestamp.from(now);
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> resolved = new ArrayList<>();
    for (Transfer t : accepted) {
      rows.add(new Object[] {t.id().value(), t.debit().toString(), t.credit().toString(), t.amount().minor(),
          t.amount().currency(), t.code().name(), t.phase().name(), t.pendingId() == null ? null : t.pendingId().value(),
          t.phase() == Transfer.Phase.PENDING ? "PENDING" : null, at});
      if (t.pendingId() != null) {
        resolved.add(new Object[] {holdStates.get(t.pendingId()), at, t.pendingId().value()});
      }
    }
    jdbc.batchUpdate("INSERT INTO ledger_transfer (id, debit, credit, amount, currency, code, phase, pending_id, hold_state,"
        + " created_at) VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
    if (!resolved.isEmpty()) {
      jdbc.batchUpdate("UPDATE ledger_transfer SET hold_state = ?, resolved_at = ? WHERE id = ?", resolved);
    }
    List<Object[]> updates = new ArrayList<>();
    totals.forEach((id, t) -> {
      if (t.changed) {
        updates.add(new Object[] {t.debitsPending, t.debitsPosted, t.creditsPending, t.creditsPosted, id});
      }
    });
    jdbc.batchUpdate("UPDATE ledger_account SET debits_pending = ?, debits_posted = ?, credits_pending = ?, credits_posted = ?"
        + " WHERE id = ?", updates);
    return results;
  }

  private static TransferResult.Refused check(Transfer t, Map<TransferId, Transfer> known, Map<TransferId, String> holdStates) {
    if (!t.amount().isPositive() && t.phase() != Transfer.Phase.VOID_PENDING) {
      return new TransferResult.Refused(t, Reason.AMOUNT_NOT_POSITIVE, "amount " + t.amount() + " must be positive");
    }
    if (t.debit().equals(t.credit())) {
      return new TransferResult.Refused(t, Reason.SAME_ACCOUNT, "debit and credit are both " + t.debit());
    }
    if (!t.debit().currency().equals(t.amount().currency()) || !t.credit().currency().equals(t.amount().currency())) {
      return new TransferResult.Refused(t, Reason.CURRENCY_MISMATCH, t.amount().currency() + " between " + t.debit() + " and " + t.credit());
    }
    if (t.pendingId() != null) {
      Transfer hold = known.get(t.pendingId());
      if (hold == null) {
        return new TransferResult.Refused(t, Reason.PENDING_NOT_FOUND, "no hold " + t.pendingId());
      }
      if (hold.phase() != Transfer.Phase.PENDING) {
        return new TransferResult.Refused(t, Reason.NOT_A_HOLD, t.pendingId() + " is not a pending transfer");
      }
      String state = holdStates.get(hold.id());
      if ("POSTED".equals(state)) {
        return new TransferResult.Refused(t, Reason.HOLD_ALREADY_POSTED, "hold " + hold.id() + " was posted");
      }
      if ("VOIDED".equals(state)) {
        return new TransferResult.Refused(t, Reason.HOLD_ALREADY_VOIDED, "hold " + hold.id() + " was voided");
      }
      if (!hold.debit().equals(t.debit()) || !hold.credit().equals(t.credit())) {
        return new TransferResult.Refused(t, Reason.ACCOUNTS_DIFFER_FROM_HOLD, "hold " + hold.id() + " is between " + hold.debit()
            + " and " + hold.credit());
      }
      if (t.amount().isGreaterThan(hold.amount())) {
        return new TransferResult.Refused(t, Reason.EXCEEDS_HOLD, t.amount() + " exceeds the hold of " + hold.amount());
      }
    }
    return null;
  }

  private static void apply(Transfer t, Map<String, Totals> totals, Map<TransferId, Transfer> known, Map<TransferId, String> holdStates) {
    Totals debit = totals.get(t.debit().toString());
    Totals credit = totals.get(t.credit().toString());
    debit.changed = true;
    credit.changed = true;
    long amount = t.amount().minor();
    switch (t.phase()) {
      case POSTED -> {
        debit.debitsPosted = Math.addExact(debit.debitsPosted, amount);
        credit.creditsPosted = Math.addExact(credit.creditsPosted, amount);
      }
      case PENDING -> {
        debit.debitsPending = Math.addExact(debit.debitsPending, amount);
        credit.creditsPending = Math.addExact(credit.creditsPending, amount);
        holdStates.put(t.id(), "PENDING");
      }
      case POST_PENDING, VOID_PENDING -> {
        long held = known.get(t.pendingId()).amount().minor();
        debit.debitsPending -= held;
        credit.creditsPending -= held;
        if (t.phase() == Transfer.Phase.POST_PENDING) {
          debit.debitsPosted = Math.addExact(debit.debitsPosted, amount);
          credit.creditsPosted = Math.addExact(credit.creditsPosted, amount);
          holdStates.put(t.pendingId(), "POSTED");
        } else {
          holdStates.put(t.pendingId(), "VOIDED");
        }
      }
    }
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

  public java.util.Optional<String> holdState(TransferId id) {
    return jdbc.query("SELECT hold_state FROM ledger_transfer WHERE id = ?", (rs, n) -> rs.getString(1), id.value())
        .stream().findFirst();
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
