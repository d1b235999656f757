package io.reelx.exchange.contract.query;

import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.ContractTerms;
import io.reelx.exchange.contract.domain.Party;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A contract as readers see it: its terms, status, signatures and how it ended. {@code version}
 * is the sequence number of its last event.
 */
public record ContractView(
    String id,
    ContractTerms terms,
    String documentSha256,
    ContractStatus status,
    Map<Party, SignatureView> signatures,
    Instant activatedAt,
    Instant endedAt,
    String endReason,
    LocalDate grantEndsOn,
    long version,
    Instant updatedAt) {

  public record SignatureView(String organizationId, String signerUserId, String sha256, Instant signedAt) {}

  public boolean isParty(String organizationId) {
    return terms.licensor().organizationId().equals(organizationId)
        || terms.licensee().organizationId().equals(organizationId);
  }
}
