package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.identity.command.RegisterUser;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.domain.UserId;
import io.reelx.exchange.identity.query.IdentityRegister;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A command's events and the registers it updates commit together or not at all. */
class AtomicityTest extends IntegrationTest {

  @Autowired CommandGateway commands;
  @Autowired IdentityRegister register;
  @Autowired JdbcClient jdbc;

  @Test
  void when_a_register_refuses_the_change_the_events_are_not_stored_either() {
    Market market = market();
    OrganizationId org = register.userByUsername(market.holderName).orElseThrow().organizationId();
    UserId duplicate = UserId.newId();

    // the same username again, past the service's friendly check: the register's unique key refuses it
    assertThatThrownBy(() -> commands.sendAndWait(new RegisterUser(duplicate, org, OrganizationKind.RIGHTS_HOLDER,
        market.holderName, "Twin", Set.of(Role.RIGHTS_HOLDER)))).isInstanceOf(RuntimeException.class);

    assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
        .param(duplicate.value()).query(Long.class).single()).isZero();
  }
}
