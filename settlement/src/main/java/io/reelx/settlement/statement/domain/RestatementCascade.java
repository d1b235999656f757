package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Money;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.util.ArrayList;
import java.util.List;

/**
 * Restating a period re-rates every later period of the agreement whose result depends on it.
 *
 * <p>A period's statement depends on the position it opens on: CUMULATIVE tiers find their bands
 * on the volume reported before it, the minimum guarantee recoups only what earlier periods left,
 * and a ONCE flat fee is charged on the first statement only. So when period {@code k} is restated,
 * periods {@code k+1, k+2, ...} are recomputed in order, each opening on the new closing position
 * of the one before, from the figures (report totals and FX rate) they were rated on.
 *
 * <p>The restated period always gets a new statement version; a later period gets one only when
 * something it shows changed (an amount, or a position the terms use). Each new version comes
 * with its {@link StatementAdjustment} against the version it replaces, per field and per payee;
 * the ledger posts only those differences. Earlier versions are never edited.
 *
 * <p>Whatever the sequence of reports and restatements, the latest versions are exactly the
 * statements that a fresh run over the final figures computes, so the total posted (first
 * statements plus every adjustment) is exactly what that run pays: no rounding is lost. A payee
 * whose adjustment is negative owes it back: the ledger debits the payee's account, which later
 * statements credit before anything more can be paid out (a receivable recovered from the next
 * payables).
 */
public final class RestatementCascade {

  private RestatementCascade() {}

  /** One period's figures: its latest report's totals and the FX rate it is converted at (null in the terms currency). */
  public record Figures(ReportSummary report, FxRate fx) {}

  /**
   * What a restatement changes.
   *
   * @param statements the new statement versions, the restated period first, then each later period that changed, in period order
   * @param adjustments one per new version, against the version it replaces, in the same order
   * @param closing the position after the last period (the agreement's new running position)
   */
  public record Result(List<Statement> statements, List<StatementAdjustment> adjustments, SettlementPosition closing) {
    public Result {
      statements = List.copyOf(statements);
      adjustments = List.copyOf(adjustments);
    }
  }

  /**
   * @param terms the agreement's terms (they cannot change once a statement exists)
   * @param opening the position the restated period opens on: the closing position of the period before (or the initial one)
   * @param current the latest statement of the restated period and of every later period, in period order
   * @param figures as many as {@code current}: the restated period's new figures first, then each later period's own
   * @param restatedVersion the version of the restated period's new statement (after {@code current.get(0)}'s)
   */
  public static Result restate(SettlementTerms terms, SettlementPosition opening, List<Statement> current, List<Figures> figures,
      int restatedVersion) {
    if (current.isEmpty() || current.size() != figures.size()) {
      throw new IllegalArgumentException("one set of figures per period, from the restated period on: "
          + figures.size() + " for " + current.size() + " periods");
    }
    List<Statement> statements = new ArrayList<>();
    List<StatementAdjustment> adjustments = new ArrayList<>();
    SettlementPosition position = opening;
    for (int i = 0; i < current.size(); i++) {
      Statement before = current.get(i);
      if (i > 0 && before.id().period().compareTo(current.get(i - 1).id().period()) <= 0) {
        throw new IllegalArgumentException("periods are in order: " + before.id() + " after " + current.get(i - 1).id());
      }
      int version = i == 0 ? restatedVersion : before.id().version() + 1;
      StatementId id = new StatementId(before.id().contractId(), before.id().period(), version);
      Statement after = StatementCalculator.calculate(id, terms, figures.get(i).report(), position, figures.get(i).fx());
      if (i == 0 || differs(terms, before, after)) {
        statements.add(after);
        adjustments.add(i == 0 && before.openingPosition().equals(after.openingPosition())
            ? StatementAdjustment.between(before, after) : StatementAdjustment.rerated(before, after));
      }
      position = after.closingPosition();
    }
    return new Result(statements, adjustments, position);
  }

  /**
   * Whether a re-rated statement shows anything other than the version it would replace: an
   * amount (per tier, per payee), or a position the terms make use of (a cumulative volume only
   * matters to CUMULATIVE tiers, MG recouped to an MG, the flat fee flag to a ONCE fee).
   */
  static boolean differs(SettlementTerms terms, Statement a, Statement b) {
    if (!same(a.gross(), b.gross()) || !same(a.basisAmount(), b.basisAmount()) || !same(a.share(), b.share())
        || !same(a.recoupedThisPeriod(), b.recoupedThisPeriod()) || !same(a.recoupedToDate(), b.recoupedToDate())
        || !same(a.minimumGuaranteeOutstanding(), b.minimumGuaranteeOutstanding()) || !same(a.flatFee(), b.flatFee())
        || !same(a.payable(), b.payable()) || !same(a.exchangeFee(), b.exchangeFee()) || !same(a.withholdingTax(), b.withholdingTax())
        || a.tiers().size() != b.tiers().size() || a.payees().size() != b.payees().size()) {
      return true;
    }
    for (int i = 0; i < a.tiers().size(); i++) {
      TierLine x = a.tiers().get(i);
      TierLine y = b.tiers().get(i);
      if (x.band() != y.band() || x.volume().compareTo(y.volume()) != 0 || !same(x.amount(), y.amount())) {
        return true;
      }
    }
    for (int i = 0; i < a.payees().size(); i++) {
      PayeeLine x = a.payees().get(i);
      PayeeLine y = b.payees().get(i);
      if (!x.organization().equals(y.organization()) || !same(x.part(), y.part()) || !same(x.withholdingTax(), y.withholdingTax())
          || !same(x.net(), y.net())) {
        return true;
      }
    }
    return !used(terms, a.openingPosition()).equals(used(terms, b.openingPosition()))
        || !used(terms, a.closingPosition()).equals(used(terms, b.closingPosition()));
  }

  /** The part of a position that the terms use; the rest is zeroed so that it does not count as a change. */
  static SettlementPosition used(SettlementTerms terms, SettlementPosition position) {
    boolean cumulative = terms.revenueShare() != null && terms.revenueShare().schedule().accumulation() == Accumulation.CUMULATIVE;
    boolean mg = terms.minimumGuarantee() != null;
    boolean once = terms.flatFee() != null && terms.flatFee().recurrence() == FlatFee.Recurrence.ONCE;
    return new SettlementPosition(mg ? position.mgRecoupedMinor() : 0,
        cumulative ? position.cumulativeVolume().stripTrailingZeros() : java.math.BigDecimal.ZERO, once && position.flatFeeCharged());
  }

  private static boolean same(Money a, Money b) {
    return a.equals(b);
  }
}
