package io.reelx.exchange.finance;

import io.reelx.settlement.application.SettlementDesk;
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
 * The settlement module's services on the application's PostgreSQL and transactions, and the
 * streaming reader that hands a {@code text/csv} upload to the report reader without buffering it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SettlementConfiguration {

  @Bean
  JdbcLedger jdbcLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new JdbcLedger(jdbc, new TransactionTemplate(transactions), clock);
  }

  @Bean
  SettlementDesk settlementDesk(JdbcTemplate jdbc, PlatformTransactionManager transactions, JdbcLedger ledger, Clock clock,
      io.reelx.exchange.contract.domain.ContractSettings contracts, io.reelx.settlement.application.AgreementLog agreements) {
    return new SettlementDesk(jdbc, new TransactionTemplate(transactions), ledger, clock).inZone(contracts.zone())
        .withAgreementLog(agreements);
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
