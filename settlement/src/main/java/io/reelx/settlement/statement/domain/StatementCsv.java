package io.reelx.settlement.statement.domain;

import io.reelx.settlement.money.Money;

/**
 * A statement as CSV, one figure per line: {@code section,item,basis_points,amount_minor,currency}.
 * Amounts are minor units of the statement currency, except the report gross (report currency).
 * A version that replaces another ends with its adjustment: section {@code adjustment}, the
 * replaced statement, then each changed figure and each payee's part, tax and net as deltas.
 */
public final class StatementCsv {

  public static final String HEADER = "section,item,basis_points,amount_minor,currency";

  private StatementCsv() {}

  public static String render(Statement s) {
    return render(s, null);
  }

  /** The statement and, when it replaces another version, its adjustment (per field, per payee). */
  public static String render(Statement s, StatementAdjustment adjustment) {
    StringBuilder out = new StringBuilder(1024).append(HEADER).append('\n');
    row(out, "report", "gross", "", s.reportGross());
    if (s.fxRate() != null) {
      out.append("fx,").append(s.fxRate().from()).append("->").append(s.fxRate().to()).append(",,")
          .append(s.fxRate().rate().toPlainString()).append(",\n");
    }
    row(out, "statement", "gross", "", s.gross());
    for (DeductionLine d : s.deductions()) {
      row(out, "deduction", d.name(), Long.toString(d.basisPoints()), d.amount());
    }
    row(out, "statement", "basis " + s.basis(), "", s.basisAmount());
    for (TierLine t : s.tiers()) {
      String rate = t.rate() instanceof io.reelx.settlement.terms.domain.Rate.Percent p ? Long.toString(p.basisPoints()) : "";
      row(out, "band", "band " + t.band() + " from " + t.from().toPlainString() + (t.to() == null ? "" : " to " + t.to().toPlainString())
          + " volume " + t.volume().toPlainString(), rate, t.amount());
    }
    row(out, "statement", "share", "", s.share());
    row(out, "statement", "mg recouped", "", s.recoupedThisPeriod());
    row(out, "statement", "mg outstanding", "", s.minimumGuaranteeOutstanding());
    row(out, "statement", "flat fee", "", s.flatFee());
    row(out, "statement", "payable", "", s.payable());
    row(out, "statement", "exchange fee", "", s.exchangeFee());
    for (PayeeLine p : s.payees()) {
      String bp = Long.toString(p.shareBasisPoints());
      row(out, "payee", p.organization() + " part", bp, p.part());
      row(out, "payee", p.organization() + " withholding tax", "", p.withholdingTax());
      row(out, "payee", p.organization() + " net", "", p.net());
    }
    if (adjustment != null) {
      out.append("adjustment,replaces ").append(quote(adjustment.replaced().toString())).append(",,,\n");
      row(out, "adjustment", "gross", "", adjustment.gross());
      row(out, "adjustment", "share", "", adjustment.share());
      row(out, "adjustment", "mg recouped", "", adjustment.recouped());
      row(out, "adjustment", "flat fee", "", adjustment.flatFee());
      row(out, "adjustment", "payable", "", adjustment.payable());
      row(out, "adjustment", "exchange fee", "", adjustment.exchangeFee());
      for (StatementAdjustment.PayeeAdjustment p : adjustment.payees()) {
        row(out, "adjustment", p.organization() + " part", "", p.part());
        row(out, "adjustment", p.organization() + " withholding tax", "", p.withholdingTax());
        row(out, "adjustment", p.organization() + " net", "", p.net());
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String section, String item, String basisPoints, Money amount) {
    out.append(section).append(',').append(quote(item)).append(',').append(basisPoints).append(',').append(amount.minor()).append(',')
        .append(amount.currency()).append('\n');
  }

  private static String quote(String text) {
    return text.indexOf(',') < 0 && text.indexOf('"') < 0 ? text : '"' + text.replace("\"", "\"\"") + '"';
  }
}
