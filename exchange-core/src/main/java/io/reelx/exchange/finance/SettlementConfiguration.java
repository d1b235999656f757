package io.reelx.exchange.finance;

import io.reelx.settlement.agreement.application.AgreementProjection;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.application.AgreementLog;
import io.reelx.settlement.application.StreamLog;
import io.reelx.settlement.fx.application.FxService;
import io.reelx.settlement.ledger.application.DepositService;
import io.reelx.settlement.payout.application.PayoutService;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import io.reelx.settlement.report.application.ReportService;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.ledger.query.JdbcLedger;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The settlement contexts' application services on the application's PostgreSQL and transactions, and the
 * streaming reader that hands a {@code text/csv} upload to the report reader without buffering it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SettlementConfiguration {

  @Bean
  JdbcLedger jdbcLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new JdbcLedger(jdbc, new TransactionTemplate(transactions), clock);
  }

  @Bean
  DepositService depositService(JdbcTemplate jdbc, PlatformTransactionManager transactions, JdbcLedger ledger, StreamLog streams) {
    return new DepositService(jdbc, new TransactionTemplate(transactions), ledger).withStreamLog(streams);
  }

  @Bean
  AgreementProjection agreementProjection(JdbcTemplate jdbc, JdbcLedger ledger, DepositService deposits, Clock clock) {
    return new AgreementProjection(jdbc, ledger, deposits, clock);
  }

  @Bean
  AgreementService agreementService(JdbcTemplate jdbc, PlatformTransactionManager transactions, AgreementProjection projection,
      Clock clock, io.reelx.exchange.contract.domain.ContractSettings contracts, AgreementLog agreements) {
    return new AgreementService(jdbc, new TransactionTemplate(transactions), projection, clock).inZone(contracts.zone())
        .withAgreementLog(agreements);
  }

  @Bean
  StatementService statementService(JdbcTemplate jdbc) {
    return new StatementService(jdbc);
  }

  @Bean
  FxService fxService(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, StreamLog streams) {
    return new FxService(jdbc, new TransactionTemplate(transactions), clock).withStreamLog(streams);
  }

  @Bean
  ReportService reportService(JdbcTemplate jdbc, PlatformTransactionManager transactions, JdbcLedger ledger, Clock clock,
      AgreementService agreements, AgreementProjection projection, StatementService statements, FxService fx,
      ReconciliationService reconciliation) {
    return new ReportService(jdbc, new TransactionTemplate(transactions), ledger, clock, agreements, projection, statements, fx,
        reconciliation);
  }

  @Bean
  ReconciliationService reconciliationService(JdbcTemplate jdbc, PlatformTransactionManager transactions, JdbcLedger ledger,
      Clock clock, AgreementService agreements, StatementService statements, StreamLog streams) {
    return new ReconciliationService(jdbc, new TransactionTemplate(transactions), ledger, clock, agreements, statements)
        .withStreamLog(streams);
  }

  @Bean
  PayoutService payoutService(JdbcTemplate jdbc, PlatformTransactionManager transactions, JdbcLedger ledger, Clock clock,
      StreamLog streams) {
    return new PayoutService(jdbc, new TransactionTemplate(transactions), ledger, clock).withStreamLog(streams);
  }

  @Bean
  WebMvcConfigurer streamingCsvUploads() {
    return new WebMvcConfigurer() {
      @Override
      public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new StreamingCsv());
      }
    };
  }

  /**
   * Reads a {@code text/csv} body as a {@link Resource} over the request's own input stream (Spring's
   * resource converter would copy it into a byte array first). Read-only.
   */
  static final class StreamingCsv extends AbstractHttpMessageConverter<Resource> {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    StreamingCsv() {
      super(TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
      return Resource.class == clazz;
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
      return false;
    }

    @Override
    protected Resource readInternal(Class<? extends Resource> clazz, HttpInputMessage input) throws IOException {
      return new InputStreamResource(input.getBody());
    }

    @Override
    protected void writeInternal(Resource resource, HttpOutputMessage output) {
      throw new UnsupportedOperationException("read only");
    }
  }
}
