/**
 * The settlement intake (trading events become settlement agreements and ledger postings) and the
 * settlement agreement as an event-sourced aggregate ({@code SettlementAgreementAggregate}, reached
 * by settlement's AgreementService through {@code AxonAgreementLog}).
 */
package io.reelx.exchange.finance.command;
