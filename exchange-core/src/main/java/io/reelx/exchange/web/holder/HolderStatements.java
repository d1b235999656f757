package io.reelx.exchange.web.holder;

import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractRegister.ContractSearch;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.web.Formats;
import io.reelx.exchange.web.PageController;
import io.reelx.exchange.web.platform.PageSettlement;
import io.reelx.exchange.web.platform.PlatformPages;
import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.application.Records.StatementRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The rights holder's statements received: per contract (as licensor), the payable of each period
 * as a chart and as a table with the same figures (the accessible alternative), every version
 * with what a restatement changed, and each statement's CSV (the API's export). Read through the
 * same settlement service and visibility rule as the API: another organisation's contract is "not
 * found".
 */
@PageController
public class HolderStatements {

  /** A contract with statements: its latest payable and how many statement versions it has. */
  public record ContractRow(ContractView contract, boolean open, int versions, StatementRecord latest) {}

  /** A period's current figures (its latest version) and the versions before it. */
  public record Period(String period, StatementRecord current, List<StatementRecord> versions) {}

  private final Access access;
  private final ContractRegister contracts;
  private final PageSettlement settlement;
  private final Formats formats;

  public HolderStatements(Access access, ContractRegister contracts, PageSettlement settlement, Formats formats) {
    this.formats = formats;
    this.access = access;
    this.contracts = contracts;
    this.settlement = settlement;
  }

  @GetMapping("/holder/statements")
  public String statements(Model model) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    List<ContractRow> rows = new ArrayList<>();
    for (ContractView c : contracts.search(new ContractSearch(me.organizationId().value(), false, Party.LICENSOR, null,
        null), 0, 100).items()) {
      if (c.activatedAt() == null) {
        continue;
      }
      Agreement agreement = settlement.agreement(c.id(), me).orElse(null);
      List<StatementRecord> all = agreement == null ? List.of() : settlement.statements(c.id());
      rows.add(new ContractRow(c, agreement != null, all.size(), all.isEmpty() ? null : latestOfLastPeriod(all)));
    }
    model.addAttribute("rows", rows);
    return "holder/statements";
  }

  @GetMapping("/holder/statements/{contractId}")
  public String contract(@PathVariable String contractId, Model model) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    ContractView contract = ownContract(contractId, me);
    Agreement agreement = settlement.visible(contractId, me);
    List<Period> periods = periods(settlement.statements(contractId));
    model.addAttribute("contract", contract);
    model.addAttribute("agreement", agreement);
    model.addAttribute("periods", periods);
    model.addAttribute("currency", agreement.currency());
    model.addAttribute("digits", formats.fractionDigits(agreement.currency()));
    model.addAttribute("myOrg", me.organizationId().value());
    return "holder/statements-contract";
  }

  @GetMapping("/holder/statements/{contractId}/{statementId}/csv")
  public ResponseEntity<String> csv(@PathVariable String contractId, @PathVariable String statementId) {
    CurrentUser me = access.require(Role.RIGHTS_HOLDER);
    ownContract(contractId, me);
    settlement.visible(contractId, me);
    return PlatformPages.csv(contractId, statementId, settlement.csv(settlement.statement(contractId, statementId)));
  }

  /** Statements (by period, then version) grouped by period; each period's current figures are its latest version. */
  static List<Period> periods(List<StatementRecord> statements) {
    Map<String, List<StatementRecord>> byPeriod = new LinkedHashMap<>();
    statements.forEach(s -> byPeriod.computeIfAbsent(s.period(), p -> new ArrayList<>()).add(s));
    List<Period> periods = new ArrayList<>();
    byPeriod.forEach((period, versions) -> periods.add(new Period(period, versions.get(versions.size() - 1),
        List.copyOf(versions))));
    return periods;
  }

  private static StatementRecord latestOfLastPeriod(List<StatementRecord> all) {
    return all.get(all.size() - 1);
  }

  private ContractView ownContract(String contractId, CurrentUser me) {
    return contracts.find(contractId).filter(c -> c.isParty(me.organizationId().value()))
        .orElseThrow(() -> new NotFound("contract", contractId));
  }
}
