package io.reelx.exchange.web.holder;

import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.web.Formats;
import io.reelx.exchange.web.forms.FormInput;
import io.reelx.exchange.web.forms.Refusals;
import io.reelx.settlement.report.domain.ReportSummary;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.SettlementTerms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the terms on the form would pay for sample periods, period after period (the MG recouped
 * and cumulative tiers carried over), computed by the settlement module's own
 * {@link StatementCalculator} on the same terms the listing would carry: nothing is stored.
 */
final class PayablePreview {

  /** One sample period's statement, in the listing currency. */
  record Row(String period, long gross, long basisAmount, long share, long recouped, long flatFee, long payable,
      long exchangeFee, long netPaid, String currency) {}

  private PayablePreview() {}

  static List<Row> of(ListingSettlementTerms listingTerms, String currency, String holderOrganizationId,
      FormInput f, Formats formats, Refusals problems) {
    if (listingTerms == null) {
      problems.add("settlementTerms", "invalid-value", "enter settlement terms to preview what they pay");
      return List.of();
    }
    SettlementTerms terms = problems.collect(() -> listingTerms.toTerms(currency, holderOrganizationId, "CN"));
    List<ReportSummary> samples = new ArrayList<>();
    for (int i = 0; i < ListingForm.SAMPLE_ROWS; i++) {
      String gross = f.v("sampleGross", i);
      String views = f.v("sampleViews", i);
      if (gross.isEmpty() && views.isEmpty()) {
        continue;
      }
      int row = i;
      Long minor = problems.collect(() -> formats.toMinor(gross.isEmpty() ? "0" : gross, currency,
          "sample[" + row + "].gross"));
      long viewCount = 0;
      if (!views.isEmpty()) {
        if (!views.matches("[0-9]{1,15}")) {
          problems.add("sample[" + row + "].views", "invalid-value", "must be a whole number");
        } else {
          viewCount = Long.parseLong(views);
        }
      }
      if (minor != null) {
        samples.add(new ReportSummary(currency, 1, viewCount, BigDecimal.ZERO, minor));
      }
    }
    if (samples.isEmpty()) {
      problems.add("sample[0].gross", "invalid-value", "enter at least one sample period's gross revenue");
    }
    if (terms == null || !problems.isEmpty()) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    SettlementPosition position = SettlementPosition.INITIAL;
    for (int i = 0; i < samples.size(); i++) {
      Statement s = StatementCalculator.calculate(new StatementId("preview", "P" + (i + 1), 1), terms,
          samples.get(i), position, null);
      rows.add(new Row("P" + (i + 1), s.gross().minor(), s.basisAmount().minor(), s.share().minor(),
          s.recoupedThisPeriod().minor(), s.flatFee().minor(), s.payable().minor(), s.exchangeFee().minor(),
          s.netPaid().minor(), currency));
      position = s.closingPosition();
    }
    return rows;
  }
}
