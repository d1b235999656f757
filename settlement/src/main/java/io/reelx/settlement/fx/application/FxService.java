package io.reelx.settlement.fx.application;

import io.reelx.settlement.application.Records.FxRateRecord;
import io.reelx.settlement.application.Requests;
import io.reelx.settlement.application.Rows;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.application.StreamLog;
import io.reelx.settlement.fx.domain.FxPair;
import io.reelx.settlement.fx.domain.FxRateSet;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.FieldError;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The FX rates finance sets, each recorded on its pair's stream ({@link FxPair}: who set which rate
 * when); the row is the latest. A report in another currency than its contract's is converted at it.
 */
public final class FxService {

  private final JdbcTemplate jdbc;
  private final TransactionOperations tx;
  private final Clock clock;
  private StreamLog streams = StreamLog.inMemory();

  public FxService(JdbcTemplate jdbc, TransactionOperations tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** Where the FX pairs' streams are recorded (exchange-core: its event store); in memory unless told. */
  public FxService withStreamLog(StreamLog streams) {
    this.streams = Objects.requireNonNull(streams, "streams");
    return this;
  }

  public FxRateRecord setFxRate(String from, String to, BigDecimal rate, String setBy) {
    List<FieldError> errors = new ArrayList<>();
    if (!Money.isCurrency(from)) {
      errors.add(new FieldError("from", "must be an ISO 4217 currency code"));
    }
    if (!Money.isCurrency(to)) {
      errors.add(new FieldError("to", "must be an ISO 4217 currency code"));
    }
    if (Objects.equals(from, to)) {
      errors.add(new FieldError("to", "must differ from 'from'"));
    }
    if (rate == null || rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 12 || rate.precision() > 30) {
      errors.add(new FieldError("rate", "must be a positive exact decimal with at most 12 decimals"));
    }
    if (!errors.isEmpty()) {
      throw new SettlementProblem.Invalid("The FX rate is invalid", errors);
    }
    return tx.execute(s -> {
      Requests.oneAtATime(jdbc, FxPair.streamIdOf(from, to));
      StreamLog.Recorded<FxPair, FxRateSet> recorded = streams.record(FxPair.streamIdOf(from, to),
          new FxPair.SetRate(from, to, rate, setBy, clock.instant()));
      recorded.events().forEach(this::project);
      FxRateSet set = recorded.state().latest().orElseThrow();
      return new FxRateRecord(set.from(), set.to(), set.rate(), set.setBy(), set.at());
    });
  }

  /** The latest rate set for the pair is the row. */
  private void project(FxRateSet e) {
    jdbc.update("INSERT INTO fx_rate (from_currency, to_currency, rate, set_by, set_at) VALUES (?,?,?,?,?) ON CONFLICT"
        + " (from_currency, to_currency) DO UPDATE SET rate = EXCLUDED.rate, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at",
        e.from(), e.to(), e.rate(), e.setBy(), Timestamp.from(e.at()));
  }

  public Optional<FxRateRecord> fxRate(String from, String to) {
    return jdbc.query("SELECT * FROM fx_rate WHERE from_currency = ? AND to_currency = ?", (rs, n) -> Rows.fxRate(rs), from, to)
        .stream().findFirst();
  }

  public List<FxRateRecord> fxRates() {
    return jdbc.query("SELECT * FROM fx_rate ORDER BY from_currency, to_currency", (rs, n) -> Rows.fxRate(rs));
  }
}
