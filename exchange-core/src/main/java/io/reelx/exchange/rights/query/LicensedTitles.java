package io.reelx.exchange.rights.query;

import io.reelx.exchange.rights.domain.TitleId;
import java.util.Set;

/**
 * The titles an organisation licenses as licensee, under contracts of any state. Rights asks; the
 * context that holds the contracts answers (it implements this), so rights never reads contracts.
 */
public interface LicensedTitles {

  /** The ids of the titles {@code licenseeOrganizationId} licenses, each once. */
  Set<TitleId> licensedTo(String licenseeOrganizationId);
}
