package io.reelx.exchange.contract.command;

import io.reelx.exchange.contract.domain.ContractId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator ends an active licence from {@code effectiveFrom} (today when null). */
public record TerminateContract(
    @TargetAggregateIdentifier ContractId contractId, String userId, String reason, LocalDate effectiveFrom) {}
