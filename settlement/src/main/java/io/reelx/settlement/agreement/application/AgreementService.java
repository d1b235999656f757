package io.reelx.settlement.agreement.application;

import io.reelx.settlement.agreement.domain.Agreement;
import io.reelx.settlement.agreement.domain.AgreementCommand;
import io.reelx.settlement.agreement.domain.AgreementRefused;
import io.reelx.settlement.agreement.domain.OpenAgreement;
import io.reelx.settlement.application.AgreementLog;
import io.reelx.settlement.application.Requests;
import io.reelx.settlement.application.Rows;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.terms.domain.FieldError;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.TermsValidator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Settlement agreements: opened when a contract becomes active, their terms replaced before the
 * first statement, ended with the licence. The agreement decides and records each command ({@link
 * AgreementLog}); its events are projected ({@link AgreementProjection}) in the same transaction
 * (joining the caller's, e.g. an event processor's). Other contexts record on an agreement through
 * {@link #recordOn}.
 */
public final class AgreementService {

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final Clock clock;
  private final AgreementProjection projection;
  private AgreementLog agreements = AgreementLog.inMemory();

  /** The months of invoices are counted in this zone (the exchange's); UTC unless told. */
  private ZoneId zone = ZoneOffset.UTC;

  public AgreementService(JdbcTemplate jdbc, TransactionOperations tx, AgreementProjection projection, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.projection = projection;
    this.clock = clock;
  }

  /** Counts invoice months in the exchange's time zone (the contracts' zone). */
  public AgreementService inZone(ZoneId exchangeZone) {
    this.zone = Objects.requireNonNull(exchangeZone, "exchangeZone");
    return this;
  }

  /** Where the agreements' events are recorded (exchange-core: its event store); in memory unless told. */
  public AgreementService withAgreementLog(AgreementLog agreements) {
    this.agreements = Objects.requireNonNull(agreements, "agreements");
    return this;
  }

  /**
   * Opens the agreement of a contract that became active (once: a replay returns the existing
   * one): opened with its terms, the price balance (licensee -> licensor) and the minimum guarantee
   * advance (licensee -> payees) invoiced, and the licensee's captured deposit, if any, applied to
   * the licensor.
   */
  public Agreement open(OpenAgreement command) {
    List<FieldError> errors = TermsValidator.validate(command.terms());
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The settlement terms of contract " + command.contractId() + " are invalid", errors);
    }
    return tx.execute(s -> {
      Optional<Agreement> existing = agreement(command.contractId());
      if (existing.isPresent()) {
        return existing.get();
      }
      projection.project(record(new AgreementCommand.Open(command, zone)));
      return agreement(command.contractId()).orElseThrow();
    });
  }

  public Optional<Agreement> agreement(String contractId) {
    return jdbc.query("SELECT * FROM settlement_agreement WHERE contract_id = ?", (rs, n) -> Rows.agreement(rs), contractId)
        .stream().findFirst();
  }

  /**
   * Replaces an agreement's terms (finance records the detailed schedule the parties signed),
   * only while no statement exists; the agreement records them under the next rule version, and
   * invoices an MG they introduce. Payees, tiers and deductions are validated all at once.
   */
  public Agreement replaceTerms(String contractId, SettlementTerms terms) {
    return replaceTerms(contractId, terms, null);
  }

  /** As {@link #replaceTerms(String, SettlementTerms)}, naming who replaced them. */
  public Agreement replaceTerms(String contractId, SettlementTerms terms, String replacedBy) {
    List<FieldError> errors = TermsValidator.validate(terms);
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The settlement terms are invalid", errors);
    }
    return tx.execute(s -> {
      Agreement agreement = lock(contractId);
      // an agreement on the transaction script (see recordOn) has its statements in the table only
      Integer statements = terms.currency().equals(agreement.currency()) ? jdbc.queryForObject(
          "SELECT count(*) FROM settlement_statement WHERE contract_id = ?", Integer.class, contractId) : null;
      if (statements != null && statements > 0) {
        throw new SettlementProblem.Conflict("Contract " + contractId + " already has statements: its terms can no longer change");
      }
      if (recordOn(agreement, new AgreementCommand.ReplaceTerms(contractId, terms, replacedBy, clock.instant())).isEmpty()) {
        throw new SettlementProblem.Conflict("Contract " + contractId + " already has statements: its terms can no longer change");
      }
      return agreement(contractId).orElseThrow();
    });
  }

  /**
   * The licence ended (terminated or expired): {@code lastDay} is the last day it covered. Later
   * months can no longer be reported; an earlier end already recorded stands. Unknown contracts
   * (never activated) are ignored.
   */
  public void end(String contractId, LocalDate lastDay) {
    tx.executeWithoutResult(s -> {
      Optional<Agreement> agreement = jdbc.query("SELECT * FROM settlement_agreement WHERE contract_id = ? FOR UPDATE",
          (rs, n) -> Rows.agreement(rs), contractId).stream().findFirst();
      agreement.ifPresent(a -> {
        if (recordOn(a, new AgreementCommand.End(contractId, lastDay)).isEmpty()) {
          jdbc.update("UPDATE settlement_agreement SET ends_on = LEAST(COALESCE(ends_on, ?), ?), updated_at = ? WHERE contract_id = ?",
              lastDay, lastDay, Timestamp.from(clock.instant()), contractId);
        }
      });
    });
  }

  /** The agreement's row, locked until the caller's transaction ends. */
  public Agreement lock(String contractId) {
    return jdbc.query("SELECT * FROM settlement_agreement WHERE contract_id = ? FOR UPDATE", (rs, n) -> Rows.agreement(rs), contractId)
        .stream().findFirst().orElseThrow(() -> new SettlementProblem.NotFound("settlement agreement for contract", contractId));
  }

  /**
   * Has the agreement of {@code row} decide {@code command}, records what it decided and projects
   * it, in the caller's transaction; a refusal becomes a {@link SettlementProblem}. An agreement
   * opened before agreements were recorded as events gets a history that starts with an opening
   * made from its row (invoices and transfers it already has are recognised as such, by their
   * numbers and ids). Empty if such an agreement already has reports: it stays on the transaction
   * script.
   */
  public Optional<AgreementLog.Recorded> recordOn(Agreement row, AgreementCommand command) {
    try {
      return Optional.of(projected(agreements.record(command)));
    } catch (AgreementRefused refused) {
      if (refused.kind() != AgreementRefused.Kind.NOT_FOUND) {
        throw Requests.problem(refused);
      }
    }
    if (!jdbc.queryForList("SELECT 1 FROM revenue_report WHERE contract_id = ? LIMIT 1", row.contractId()).isEmpty()) {
      // its reports and statements are not events: it stays on the transaction script
      return Optional.empty();
    }
    long priceInvoiced = jdbc.query("SELECT amount FROM settlement_invoice WHERE number = ?", (rs, n) -> rs.getLong(1),
        "INV-" + row.contractId() + "-PRICE").stream().findFirst().orElse(0L);
    projection.project(record(new AgreementCommand.Open(new OpenAgreement(row.contractId(), null, row.currency(),
        row.licensorOrganizationId(), row.licenseeOrganizationId(), row.terms(), priceInvoiced, null, row.openedAt()), zone)));
    if (row.endsOn() != null) {
      projection.project(record(new AgreementCommand.End(row.contractId(), row.endsOn())));
    }
    return Optional.of(projected(record(command)));
  }

  private AgreementLog.Recorded projected(AgreementLog.Recorded recorded) {
    projection.project(recorded);
    return recorded;
  }

  private AgreementLog.Recorded record(AgreementCommand command) {
    try {
      return agreements.record(command);
    } catch (AgreementRefused refused) {
      throw Requests.problem(refused);
    }
  }
}
