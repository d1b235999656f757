package io.reelx.exchange.web.platform;

import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractRegister.ContractSearch;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.web.Formats;
import io.reelx.exchange.web.HomePage;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.application.Records.ReportRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a platform has to do: contracts to sign, and the months of revenue to report under each of
 * its active contracts. The workspace lists them; the home page counts them.
 */
@Component
public class PlatformActions {

  /** Reports due: at most this many months are listed per contract. */
  static final int DUE_SHOWN = 12;

  /** A contract in the workspace: the contract, whether its agreement is open, its statements, the months due. */
  public record Row(ContractView contract, boolean open, int statements, List<String> due) {}

  private final ContractRegister contracts;
  private final PageSettlement settlement;
  private final Clock clock;

  public PlatformActions(ContractRegister contracts, PageSettlement settlement, Clock clock) {
    this.contracts = contracts;
    this.settlement = settlement;
    this.clock = clock;
  }

  /** The platform's contracts (as licensee), newest first, with their settlement state. */
  public List<Row> rows(CurrentUser me) {
    List<Row> rows = new ArrayList<>();
    for (ContractView c : contracts.search(new ContractSearch(me.organizationId().value(), false, Party.LICENSEE, null,
        null), 0, 100).items()) {
      Agreement agreement = c.activatedAt() == null ? null : settlement.agreement(c.id(), me).orElse(null);
      if (agreement == null) {
        rows.add(new Row(c, false, 0, List.of()));
        continue;
      }
      rows.add(new Row(c, true, settlement.statements(c.id()).size(), due(c, agreement, settlement.reports(c.id()))));
    }
    return rows;
  }

  /** The home page's items: contracts to sign, reports due. */
  public List<HomePage.Action> home(CurrentUser me) {
    List<Row> rows = rows(me);
    return List.of(
        new HomePage.Action("plat.home.toSign", rows.stream().filter(r -> toSign(r.contract(), me)).count(), "/platform"),
        new HomePage.Action("plat.home.reportsDue", rows.stream().mapToLong(r -> r.due().size()).sum(), "/platform"));
  }

  /** The months due under a contract, as of today in the exchange's zone. */
  public List<String> due(ContractView contract, Agreement agreement, List<ReportRecord> reports) {
    return due(YearMonth.now(clock.withZone(Formats.SHANGHAI)), contract.terms().window().termStart(),
        contract.terms().window().termEnd(), agreement.endsOn(),
        reports.isEmpty() ? null : reports.get(reports.size() - 1).period());
  }

  /**
   * The months to report: from the licence's first month (or the month after the last one
   * reported: months are reported in order) to last month, within the licence (to its term's end
   * or the day it ended), at most {@link #DUE_SHOWN} of them, the oldest first.
   */
  static List<String> due(YearMonth thisMonth, LocalDate termStart, LocalDate termEnd, LocalDate endedOn,
      String lastReported) {
    YearMonth from = lastReported == null ? YearMonth.from(termStart) : YearMonth.parse(lastReported).plusMonths(1);
    LocalDate end = endedOn != null && endedOn.isBefore(termEnd) ? endedOn : termEnd;
    YearMonth lastMonth = thisMonth.minusMonths(1);
    YearMonth to = YearMonth.from(end).isBefore(lastMonth) ? YearMonth.from(end) : lastMonth;
    List<String> due = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to) && due.size() < DUE_SHOWN; m = m.plusMonths(1)) {
      due.add(m.toString());
    }
    return due;
  }

  static boolean toSign(ContractView contract, CurrentUser me) {
    return contract.status() == ContractStatus.AWAITING_SIGNATURES && !signedBy(contract, me);
  }

  static boolean signedBy(ContractView contract, CurrentUser me) {
    return contract.signatures().values().stream().anyMatch(s -> s.organizationId().equals(me.organizationId().value()));
  }
}
