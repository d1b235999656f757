package io.reelx.exchange.contract.domain;

import java.time.Instant;

/** A party signed the document with this hash. */
public record ContractSigned(
    ContractId contractId, Party party, String organizationId, String signerUserId, String sha256, Instant signedAt)
    implements ContractEvent {}
