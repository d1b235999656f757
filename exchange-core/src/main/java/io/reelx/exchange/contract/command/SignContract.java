package io.reelx.exchange.contract.command;

import io.reelx.exchange.contract.domain.ContractId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A user of {@code organizationId} signs the document whose hash it read. */
public record SignContract(
    @TargetAggregateIdentifier ContractId contractId, String organizationId, String userId, String sha256) {}
