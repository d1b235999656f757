package io.reelx.exchange.rights.query;

import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.TitleId;
import java.time.Instant;

public record HoldingView(TitleId titleId, Holding holding, String evidenceNote, Instant recordedAt) {}
