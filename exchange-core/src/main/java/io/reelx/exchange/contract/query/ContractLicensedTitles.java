package io.reelx.exchange.contract.query;

import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.query.LicensedTitles;
import io.reelx.exchange.rights.query.RightsRegister;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Rights' question "which titles does this platform license", answered from the contract register. */
@Component
class ContractLicensedTitles implements LicensedTitles {

  private static final int PAGE = 200;

  private final ContractRegister contracts;

  ContractLicensedTitles(ContractRegister contracts) {
    this.contracts = contracts;
  }

  @Override
  public Set<TitleId> licensedTo(String licenseeOrganizationId) {
    Set<TitleId> titles = new LinkedHashSet<>();
    for (int page = 0; ; page++) {
      RightsRegister.Page<ContractView> found = contracts.search(
          new ContractRegister.ContractSearch(licenseeOrganizationId, false, Party.LICENSEE, null, null), page, PAGE);
      for (ContractView c : found.items()) {
        titles.add(new TitleId(c.terms().titleId()));
      }
      if (found.items().size() < PAGE) {
        return titles;
      }
    }
  }
}
