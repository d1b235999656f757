package io.reelx.exchange.contract.query;

import io.reelx.exchange.contract.domain.Offers;
import io.reelx.exchange.listing.domain.ListingCreated;
import io.reelx.exchange.listing.domain.ListingId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The offers on PostgreSQL ({@code contract_offer}), as JSON, in the drafting processor's transaction. */
@Component
class JdbcOffers implements Offers {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JdbcOffers(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public void keep(ListingCreated offer) {
    jdbc.sql("INSERT INTO contract_offer (listing_id, offer) VALUES (?, ?::jsonb) ON CONFLICT (listing_id) DO NOTHING")
        .params(offer.listingId().value(), json.writeValueAsString(offer))
        .update();
  }

  @Override
  public Optional<ListingCreated> of(ListingId listing) {
    return jdbc.sql("SELECT offer FROM contract_offer WHERE listing_id = ?")
        .param(listing.value())
        .query((rs, n) -> json.readValue(rs.getString(1), ListingCreated.class))
        .optional();
  }
}
