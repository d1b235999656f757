package io.reelx.exchange.listing.command;

import io.reelx.exchange.listing.domain.AuctionSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The listing context's settings ({@code reelx.auction.*}). */
@Configuration(proxyBeanMethods = false)
public class ListingConfiguration {

  @Bean
  AuctionSettings auctionSettings(Environment env) {
    return new AuctionSettings(env.getProperty("reelx.auction.min-timed-period-seconds", Integer.class,
        AuctionSettings.DEFAULT.minTimedPeriodSeconds()));
  }
}
