package io.reelx.exchange.finance.command;

import io.reelx.settlement.agreement.domain.AgreementCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Has a settlement agreement decide {@code command} and record what it decided; answers {@link
 * io.reelx.settlement.application.AgreementLog.Recorded}. {@link #open} starts an agreement's
 * stream (the command is an {@link AgreementCommand.Open}), {@link #to} goes to an existing one.
 */
public sealed interface RecordOnAgreement {

  String agreementId();

  AgreementCommand command();

  /** The agreement's aggregate id: its own stream, beside the contract's (whose id is the contract id). */
  static String agreementIdOf(String contractId) {
    return "settlement-" + contractId;
  }

  static RecordOnAgreement open(AgreementCommand.Open command) {
    return new Open(agreementIdOf(command.contractId()), command);
  }

  static RecordOnAgreement to(AgreementCommand command) {
    return new Existing(agreementIdOf(command.contractId()), command);
  }

  record Open(String agreementId, AgreementCommand.Open command) implements RecordOnAgreement {}

  record Existing(@TargetAggregateIdentifier String agreementId, AgreementCommand command) implements RecordOnAgreement {}
}
