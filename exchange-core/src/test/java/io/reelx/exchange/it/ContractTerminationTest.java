package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.command.DraftContract;
import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator terminates an active exclusive licence: from that day on, the window is available again. */
class ContractTerminationTest extends IntegrationTest {

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;
  private Market market;

  @Test
  void termination_releases_the_grant_from_its_effective_date() {
    market = market().withTitle();
    String holderOrg = market.holder.get("/api/v1/me").get("organizationId");
    ListingId listing = new ListingId(UUID.randomUUID().toString());
    ContractId id = ContractId.forListing(listing);
    commands.sendAndWait(new DraftContract(id, listing.value(), market.titleId, "Title",
        new PartyTerms(holderOrg, "Holder"), new PartyTerms("org-platform", "Platform"),
        new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2026-01-01"),
            LocalDate.parse("2034-12-31")),
        true, false, 100_000, "CNY", 0, 3, null, Instant.now()));
    String sha256 = contracts.find(id.value()).orElseThrow().documentSha256();
    commands.sendAndWait(new SignContract(id, holderOrg, "u-1", sha256));
    commands.sendAndWait(new SignContract(id, "org-platform", "u-2", sha256));
    assertThat(available("2031-01-01", "2031-12-31")).as("granted exclusively while active").isFalse();

    Http.Response terminated = market.admin.post("/api/v1/contracts/" + id.value() + "/terminate",
        Map.of("reason", "licensee insolvent", "effectiveFrom", "2031-01-01"));
    assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
    assertThat(terminated.get("status")).isEqualTo("TERMINATED");
    assertThat(terminated.get("grantEndsOn")).isEqualTo("2030-12-31");
    assertThat(terminated.get("endReason")).isEqualTo("licensee insolvent");

    assertThat(available("2031-01-01", "2031-12-31")).as("free from the effective date").isTrue();
    assertThat(available("2030-06-01", "2030-12-31")).as("still granted before it").isFalse();
    Http.Response again = market.admin.post("/api/v1/contracts/" + id.value() + "/terminate", Map.of("reason", "twice"));
    assertThat(again.status()).isEqualTo(409);
  }

  private boolean available(String start, String end) {
    Http.Response avails = market.holder.get("/api/v1/titles/" + market.titleId + "/avails?territories=CN&media=SVOD"
        + "&languages=zh&start=" + start + "&end=" + end + "&exclusive=true");
    assertThat(avails.status()).as(avails.body()).isEqualTo(200);
    return avails.json().get("available").asBoolean();
  }
}
