package io.reelx.settlement.ledger.domain;

import io.reelx.settlement.ledger.domain.TransferResult.Accepted;
import io.reelx.settlement.ledger.domain.TransferResult.Reason;
import io.reelx.settlement.ledger.domain.TransferResult.Refused;
import io.reelx.settlement.ledger.domain.TransferResult.Replayed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory double-entry ledger: the pure model that a persistent ledger must behave like.
 * Accounts are opened explicitly; transfers are checked, then recorded forever (never edited or
 * deleted); a refused transfer changes nothing. Not thread-safe: one writer at a time.
 *
 * <p>Holds: PENDING -> POSTED (by a POST_PENDING transfer) or VOIDED (by a VOID_PENDING transfer);
 * each hold is resolved at most once.
 *
 * <p>These are the ledger's only rules. A persistent ledger does not repeat them: it locks and
 * loads what a batch touches ({@link #restore(AccountBalance)}, {@link #restore(Transfer,
 * HoldStatus)}), submits the batch here, and persists what was accepted ({@link #holdStatus},
 * {@link #balance}).
 */
public final class Ledger {

  public enum HoldStatus {
    PENDING,
    POSTED,
    VOIDED
  }

  private static final class Totals {
    long debitsPending;
    long debitsPosted;
    long creditsPending;
    long creditsPosted;
  }

  private final Map<AccountId, Totals> accounts = new LinkedHashMap<>();
  private final Map<TransferId, Transfer> transfers = new LinkedHashMap<>();
  private final Map<TransferId, HoldStatus> holds = new LinkedHashMap<>();

  /** Loads an account with the totals a store recorded for it (replacing what this ledger held). */
  public void restore(AccountBalance balance) {
    Totals totals = new Totals();
    totals.debitsPending = balance.debitsPending();
    totals.debitsPosted = balance.debitsPosted();
    totals.creditsPending = balance.creditsPending();
    totals.creditsPosted = balance.creditsPosted();
    accounts.put(balance.account(), totals);
  }

  /** Loads a recorded transfer, and for a hold its status (null otherwise); balances are restored separately. */
  public void restore(Transfer transfer, HoldStatus status) {
    transfers.put(transfer.id(), transfer);
    if (transfer.phase() == Transfer.Phase.PENDING) {
      holds.put(transfer.id(), status == null ? HoldStatus.PENDING : status);
    }
  }

  /** Opens an account; opening it again does nothing. */
  public void open(AccountId account) {
    accounts.computeIfAbsent(account, a -> new Totals());
  }

  public boolean isOpen(AccountId account) {
    return accounts.containsKey(account);
  }

  public TransferResult submit(Transfer transfer) {
    Transfer existing = transfers.get(transfer.id());
    if (existing != null) {
      return existing.equals(transfer)
          ? new Replayed(existing)
          : new Refused(transfer, Reason.ID_REUSED_WITH_DIFFERENT_CONTENT, "transfer " + transfer.id() + " was recorded as " + existing);
    }
    Refused refused = check(transfer);
    if (refused != null) {
      return refused;
    }
    apply(transfer, 1);
    transfers.put(transfer.id(), transfer);
    return new Accepted(transfer);
  }

  /**
   * Records all of the transfers or none: at the first refusal, the ones already recorded by this
   * call are undone and every transfer not refused for its own reason is reported BATCH_ABORTED.
   * Replays inside a batch are fine (a retried batch replays as a whole).
   */
  public List<TransferResult> submitAll(List<Transfer> batch) {
    List<TransferResult> results = new ArrayList<>(batch.size());
    List<Transfer> recorded = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      TransferResult result = submit(batch.get(i));
      if (result instanceof Refused) {
        for (int j = recorded.size() - 1; j >= 0; j--) {
          Transfer undo = recorded.get(j);
          apply(undo, -1);
          transfers.remove(undo.id());
        }
        List<TransferResult> aborted = new ArrayList<>(batch.size());
        for (int k = 0; k < batch.size(); k++) {
          aborted.add(k == i ? result : new Refused(batch.get(k), Reason.BATCH_ABORTED, "transfer " + batch.get(i).id() + " was refused"));
        }
        return aborted;
      }
      if (result instanceof Accepted) {
        recorded.add(result.transfer());
      }
      results.add(result);
    }
    return results;
  }

  private Refused check(Transfer t) {
    if (!t.amount().isPositive() && t.phase() != Transfer.Phase.VOID_PENDING) {
      return new Refused(t, Reason.AMOUNT_NOT_POSITIVE, "amount " + t.amount() + " must be positive");
    }
    if (!accounts.containsKey(t.debit())) {
      return new Refused(t, Reason.ACCOUNT_NOT_FOUND, "debit account " + t.debit() + " is not open");
    }
    if (!accounts.containsKey(t.credit())) {
      return new Refused(t, Reason.ACCOUNT_NOT_FOUND, "credit account " + t.credit() + " is not open");
    }
    if (t.debit().equals(t.credit())) {
      return new Refused(t, Reason.SAME_ACCOUNT, "debit and credit are both " + t.debit());
    }
    if (!t.debit().currency().equals(t.amount().currency()) || !t.credit().currency().equals(t.amount().currency())) {
      return new Refused(t, Reason.CURRENCY_MISMATCH, t.amount().currency() + " between " + t.debit() + " and " + t.credit());
    }
    if (t.pendingId() != null) {
      Transfer hold = transfers.get(t.pendingId());
      if (hold == null) {
        return new Refused(t, Reason.PENDING_NOT_FOUND, "no hold " + t.pendingId());
      }
      if (hold.phase() != Transfer.Phase.PENDING) {
        return new Refused(t, Reason.NOT_A_HOLD, t.pendingId() + " is not a pending transfer");
      }
      HoldStatus status = holds.get(hold.id());
      if (status == HoldStatus.POSTED) {
        return new Refused(t, Reason.HOLD_ALREADY_POSTED, "hold " + hold.id() + " was posted");
      }
      if (status == HoldStatus.VOIDED) {
        return new Refused(t, Reason.HOLD_ALREADY_VOIDED, "hold " + hold.id() + " was voided");
      }
      if (!hold.debit().equals(t.debit()) || !hold.credit().equals(t.credit())) {
        return new Refused(t, Reason.ACCOUNTS_DIFFER_FROM_HOLD, "hold " + hold.id() + " is between " + hold.debit() + " and " + hold.credit());
      }
      if (t.amount().isGreaterThan(hold.amount())) {
        return new Refused(t, Reason.EXCEEDS_HOLD, t.amount() + " exceeds the hold of " + hold.amount());
      }
    }
    return null;
  }

  /** Applies ({@code sign} 1) or undoes ({@code sign} -1) a checked transfer's effect on balances and holds. */
  private void apply(Transfer t, int sign) {
    Totals debit = accounts.get(t.debit());
    Totals credit = accounts.get(t.credit());
    long amount = sign * t.amount().minor();
    switch (t.phase()) {
      case POSTED -> {
        debit.debitsPosted = Math.addExact(debit.debitsPosted, amount);
        credit.creditsPosted = Math.addExact(credit.creditsPosted, amount);
      }
      case PENDING -> {
        debit.debitsPending = Math.addExact(debit.debitsPending, amount);
        credit.creditsPending = Math.addExact(credit.creditsPending, amount);
        if (sign > 0) {
          holds.put(t.id(), HoldStatus.PENDING);
        } else {
          holds.remove(t.id());
        }
      }
      case POST_PENDING, VOID_PENDING -> {
        long held = sign * transfers.get(t.pendingId()).amount().minor();
        debit.debitsPending -= held;
        credit.creditsPending -= held;
        if (t.phase() == Transfer.Phase.POST_PENDING) {
          debit.debitsPosted = Math.addExact(debit.debitsPosted, amount);
          credit.creditsPosted = Math.addExact(credit.creditsPosted, amount);
        }
        holds.put(t.pendingId(), sign < 0 ? HoldStatus.PENDING
            : t.phase() == Transfer.Phase.POST_PENDING ? HoldStatus.POSTED : HoldStatus.VOIDED);
      }
    }
  }

  public Transfer transfer(TransferId id) {
    return transfers.get(id);
  }

  public HoldStatus holdStatus(TransferId id) {
    return holds.get(id);
  }

  public int transferCount() {
    return transfers.size();
  }

  public AccountBalance balance(AccountId account) {
    Totals totals = accounts.get(account);
    if (totals == null) {
      throw new IllegalArgumentException("account " + account + " is not open");
    }
    return new AccountBalance(account, totals.debitsPending, totals.debitsPosted, totals.creditsPending, totals.creditsPosted);
  }

  public TrialBalance trialBalance() {
    List<AccountBalance> balances = new ArrayList<>();
    Map<String, long[]> sums = new TreeMap<>();
    for (AccountId account : accounts.keySet()) {
      AccountBalance balance = balance(account);
      balances.add(balance);
      long[] sum = sums.computeIfAbsent(account.currency(), c -> new long[4]);
      sum[0] = Math.addExact(sum[0], balance.debitsPosted());
      sum[1] = Math.addExact(sum[1], balance.creditsPosted());
      sum[2] = Math.addExact(sum[2], balance.debitsPending());
      sum[3] = Math.addExact(sum[3], balance.creditsPending());
    }
    Map<String, TrialBalance.Totals> byCurrency = new TreeMap<>();
    sums.forEach((currency, s) -> byCurrency.put(currency, new TrialBalance.Totals(s[0], s[1], s[2], s[3])));
    return new TrialBalance(balances, byCurrency);
  }
}
