package io.reelx.exchange.contract.command;

import io.reelx.exchange.contract.domain.ContractSettings;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The contract context's settings ({@code reelx.contracts.*}). */
@Configuration(proxyBeanMethods = false)
public class ContractConfiguration {

  @Bean
  ContractSettings contractSettings(Environment env) {
    ContractSettings d = ContractSettings.DEFAULT;
    return new ContractSettings(
        ZoneId.of(env.getProperty("reelx.contracts.zone", d.zone().getId())),
        env.getProperty("reelx.contracts.payment-due-days", Integer.class, d.paymentDueDays()),
        env.getProperty("reelx.contracts.signing-period-override", Duration.class));
  }
}
