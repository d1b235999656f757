package io.reelx.exchange.rights.command;

import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.TitleId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a holding on behalf of {@code organizationId}, which must own the title. */
public record RecordHolding(
    @TargetAggregateIdentifier TitleId titleId,
    String organizationId,
    Holding holding,
    String evidenceNote) {}
