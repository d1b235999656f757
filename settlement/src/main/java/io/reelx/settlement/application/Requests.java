package io.reelx.settlement.application;

import io.reelx.settlement.agreement.domain.AgreementRefused;
import io.reelx.settlement.eventsourcing.Refused;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every settlement service does the same way with a request. */
public final class Requests {

  /** A month as {@code YYYY-MM}. */
  public static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private Requests() {}

  /**
   * Two requests with one idempotency key, sent at the same moment (a client retrying a slow
   * answer), are decided one after the other: the second waits for the first's commit and then
   * replays its answer, instead of colliding on the key. Call inside the transaction.
   */
  public static void oneAtATime(JdbcTemplate jdbc, String key) {
    jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", key);
  }

  /** A stream's refusal as the problem the web layer maps. */
  public static SettlementProblem problem(Refused refused) {
    return switch (refused.kind()) {
      case NOT_FOUND -> new SettlementProblem.NotFound(refused.subject(), refused.subjectId());
      case CONFLICT -> new SettlementProblem.Conflict(refused.getMessage());
      case RULE -> new SettlementProblem.Refused(refused.code(), refused.getMessage());
    };
  }

  /** An agreement's refusal as the problem the web layer maps. */
  public static SettlementProblem problem(AgreementRefused refused) {
    return switch (refused.kind()) {
      case INVALID -> new SettlementProblem.Invalid(refused.getMessage(), refused.errors());
      case NOT_FOUND -> new SettlementProblem.NotFound(refused.subject(), refused.subjectId());
      case CONFLICT -> new SettlementProblem.Conflict(refused.getMessage());
      case RULE -> new SettlementProblem.Refused(refused.code(), refused.getMessage());
    };
  }
}
