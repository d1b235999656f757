package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.OrganizationId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a restatement changes: for a report re-submitted as a new version, every amount of the new
 * statement minus the same amount of the version it replaces. Statements are never edited; the
 * adjustment is posted instead. The adjustments net to the difference:
 * {@code payable = exchangeFee + sum(payees.withholdingTax) + sum(payees.net)}, all as deltas.
 *
 * <p>{@link #between} is the restatement of a period itself: both statements start from the same
 * opening position (the period is recomputed from where it began). {@link #rerated} is a later
 * period re-rated because an earlier one was restated: it opens on a different position (another
 * cumulative volume, another MG left), see {@link RestatementCascade}. {@code position} is the new
 * closing position, from which the next statement opens.
 */
public record StatementAdjustment(
    StatementId replaced,
    StatementId replacement,
    Money gross,
    Money share,
    Money recouped,
    Money flatFee,
    Money payable,
    Money exchangeFee,
    List<PayeeAdjustment> payees,
    SettlementPosition position) {

  public record PayeeAdjustment(OrganizationId organization, Money part, Money withholdingTax, Money net) {}

  /** The restatement of one period from the same opening position. */
  public static StatementAdjustment between(Statement previous, Statement next) {
    if (!previous.openingPosition().equals(next.openingPosition())) {
      throw new IllegalArgumentException("a restatement starts from the same opening position as the statement it replaces");
    }
    return rerated(previous, next);
  }

  /** A period's new version whatever its opening position: a later period re-rated after a restatement. */
  public static StatementAdjustment rerated(Statement previous, Statement next) {
    if (!previous.id().contractId().equals(next.id().contractId()) || !previous.id().period().equals(next.id().period())) {
      throw new IllegalArgumentException(next.id() + " does not restate " + previous.id());
    }
    if (next.id().version() <= previous.id().version()) {
      throw new IllegalArgumentException("a restatement has a later version: " + next.id() + " after " + previous.id());
    }
    if (previous.payees().size() != next.payees().size()) {
      throw new IllegalArgumentException("payees differ between " + previous.id() + " and " + next.id());
    }
    List<PayeeAdjustment> payees = new ArrayList<>();
    for (int i = 0; i < next.payees().size(); i++) {
      PayeeLine before = previous.payees().get(i);
      PayeeLine after = next.payees().get(i);
      if (!before.organization().equals(after.organization())) {
        throw new IllegalArgumentException("payees differ between " + previous.id() + " and " + next.id());
      }
      payees.add(new PayeeAdjustment(after.organization(), after.part().minus(before.part()),
          after.withholdingTax().minus(before.withholdingTax()), after.net().minus(before.net())));
    }
    SettlementPosition closingBefore = previous.closingPosition();
    SettlementPosition closingAfter = next.closingPosition();
    return new StatementAdjustment(previous.id(), next.id(),
        next.gross().minus(previous.gross()),
        next.share().minus(previous.share()),
        next.recoupedThisPeriod().minus(previous.recoupedThisPeriod()),
        next.flatFee().minus(previous.flatFee()),
        next.payable().minus(previous.payable()),
        next.exchangeFee().minus(previous.exchangeFee()),
        payees,
        closingAfter);
  }

  /** Exchange fee + withholding + net deltas: always equals {@link #payable}. */
  public Money netted() {
    Money total = exchangeFee;
    for (PayeeAdjustment payee : payees) {
      total = total.plus(payee.withholdingTax()).plus(payee.net());
    }
    return total;
  }
}
