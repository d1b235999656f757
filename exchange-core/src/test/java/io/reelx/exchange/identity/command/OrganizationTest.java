package io.reelx.exchange.identity.command;

import io.reelx.exchange.identity.domain.OrganizationCreated;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class OrganizationTest {

  @Test
  void creating_an_organisation_records_its_name_kind_and_country() {
    OrganizationId id = new OrganizationId("org-holder");
    new AggregateTestFixture<>(Organization.class)
        .givenNoPriorActivity()
        .when(new CreateOrganization(id, "Nightfall Pictures", OrganizationKind.RIGHTS_HOLDER, "CN"))
        .expectEvents(new OrganizationCreated(id, "Nightfall Pictures", OrganizationKind.RIGHTS_HOLDER, "CN"))
        .expectResultMessagePayload(id);
  }
}
