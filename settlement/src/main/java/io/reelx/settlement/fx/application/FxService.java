package io.reelx.settlement.fx.application;

import io.reelx.settlement.application.Records.FxRateRecord;
import io.reelx.settlement.application.Rows;
import io.reelx.settlement.application.SettlementProblem;
import io.reelx.settlement.money.Money;
import io.reelx.settlement.terms.domain.FieldError;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The FX rates finance sets; a report in another currency than its contract's is converted at the rate set. */
public final class FxService {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public FxService(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
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
    Instant now = clock.instant();
    jdbc.update("INSERT INTO fx_rate (from_currency, to_currency, rate, set_by, set_at) VALUES (?,?,?,?,?) ON CONFLICT"
        + " (from_currency, to_currency) DO UPDATE SET rate = EXCLUDED.rate, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at",
        from, to, rate, setBy, Timestamp.from(now));
    return new FxRateRecord(from, to, rate, setBy, now);
  }

  public Optional<FxRateRecord> fxRate(String from, String to) {
    return jdbc.query("SELECT * FROM fx_rate WHERE from_currency = ? AND to_currency = ?", (rs, n) -> Rows.fxRate(rs), from, to)
        .stream().findFirst();
  }

  public List<FxRateRecord> fxRates() {
    return jdbc.query("SELECT * FROM fx_rate ORDER BY from_currency, to_currency", (rs, n) -> Rows.fxRate(rs));
  }
}
