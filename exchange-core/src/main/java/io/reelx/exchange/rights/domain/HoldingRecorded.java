package io.reelx.exchange.rights.domain;

/** The owner holds these rights (chain of title), evidenced by a document's SHA-256. */
public record HoldingRecorded(
    TitleId titleId,
    String holdingId,
    WindowTerms window,
    boolean exclusive,
    boolean sublicensable,
    String evidenceSha256,
    String evidenceNote)
    implements TitleEvent {}
