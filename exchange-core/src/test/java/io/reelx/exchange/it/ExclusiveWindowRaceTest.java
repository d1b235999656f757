package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.contract.command.DraftContract;
import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.PartyTerms;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exclusive-window rule on real PostgreSQL: two contracts for overlapping exclusive windows
 * of one title, each completed by its last signature at the same moment on its own thread. Never
 * both active: one activates, the other is voided, and the register holds one grant.
 */
class ExclusiveWindowRaceTest extends IntegrationTest {

  private static final int ROUNDS = 12;

  @Autowired CommandGateway commands;
  @Autowired ContractRegister contracts;
  @Autowired JdbcClient jdbc;

  @Test
  void overlapping_exclusive_contracts_signed_at_the_same_moment_never_both_become_active() throws Exception {
    Market market = market();
    PartyTerms licensor = new PartyTerms(market.holder.get("/api/v1/me").get("organizationId"), "Holder");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        market.withTitle();
        ContractId a = draft(market.titleId, licensor, new PartyTerms("org-a-" + round, "Alpha"),
            new WindowTerms(List.of("CN"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2027-01-01"),
                LocalDate.parse("2028-12-31")));
        ContractId b = draft(market.titleId, licensor, new PartyTerms("org-b-" + round, "Beta"),
            new WindowTerms(List.of("CN", "HK"), List.of("VOD"), List.of("zh"), LocalDate.parse("2028-06-01"),
                LocalDate.parse("2029-05-31")));
        sign(a, licensor.organizationId());
        sign(b, licensor.organizationId());

        CountDownLatch go = new CountDownLatch(1);
        List<Future<ContractStatus>> last = new ArrayList<>();
        for (ContractId id : List.of(a, b)) {
          String licensee = contracts.find(id.value()).orElseThrow().terms().licensee().organizationId();
          last.add(pool.submit(() -> {
            go.await();
            return sign(id, licensee);
          }));
        }
        go.countDown();
        List<ContractStatus> outcomes = List.of(last.get(0).get(), last.get(1).get());

        assertThat(outcomes).as("round %d", round)
            .containsExactlyInAnyOrder(ContractStatus.ACTIVE, ContractStatus.VOID);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_grant WHERE title_id = ?").param(market.titleId)
            .query(Long.class).single()).as("grants of round %d", round).isEqualTo(1);
        assertThat(List.of(contracts.find(a.value()).orElseThrow().status(),
            contracts.find(b.value()).orElseThrow().status()))
            .containsExactlyInAnyOrderElementsOf(outcomes);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private ContractId draft(String titleId, PartyTerms licensor, PartyTerms licensee, WindowTerms window) {
    ListingId listing = new ListingId(UUID.randomUUID().toString());
    ContractId id = ContractId.forListing(listing);
    commands.sendAndWait(new DraftContract(id, listing.value(), titleId, "Title", licensor, licensee, window, true,
        false, 100_000, "CNY", 0, 3, null, Instant.now()));
    return id;
  }

  private ContractStatus sign(ContractId id, String organizationId) {
    String sha256 = contracts.find(id.value()).orElseThrow().documentSha256();
    return commands.sendAndWait(new SignContract(id, organizationId, "u-" + organizationId, sha256));
  }
}
