package io.reelx.exchange.rights.query;

import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.AvailsCalculator;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.TitleId;
import java.util.List;
import java.util.Optional;

/**
 * The rights register as the command side and the API read it: titles, the rights held in them,
 * and the grants given out by active contracts. Always current (same transaction as the events).
 */
public interface RightsRegister {

  Optional<TitleView> title(TitleId id);

  /** Titles owned by {@code organizationId} (all titles when null), optionally by name, paged. */
  Page<TitleView> titles(String organizationId, String nameContains, int page, int size);

  List<HoldingView> holdings(TitleId id);

  List<Grant> grants(TitleId id);

  /**
   * Takes the title's grant lock until the end of the current transaction: whoever checks avails
   * and then records a grant for the title holds it, so two such checks never interleave.
   */
  void lockForGrant(TitleId id);

  default Avails avails(TitleId id, AvailsRequest request) {
    return new AvailsCalculator()
        .check(request, holdings(id).stream().map(HoldingView::holding).toList(), grants(id));
  }

  record Page<T>(List<T> items, int page, int size, long totalItems) {
    public int totalPages() {
      return (int) ((totalItems + size - 1) / size);
    }
  }
}
