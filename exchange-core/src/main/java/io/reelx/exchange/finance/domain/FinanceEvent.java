package io.reelx.exchange.finance.domain;

/** Facts finance records in the event log (settlement's own rows hold the figures). */
public sealed interface FinanceEvent permits DiscrepancyResolved, AgreementTermsReplaced {}
