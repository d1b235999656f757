package io.reelx.exchange.contract.query;

import io.reelx.exchange.contract.domain.ContractActivated;
import io.reelx.exchange.contract.domain.ContractDrafted;
import io.reelx.exchange.contract.domain.ContractExpired;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractLapsed;
import io.reelx.exchange.contract.domain.ContractSigned;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.domain.ContractTerminated;
import io.reelx.exchange.contract.domain.ContractVoided;
import io.reelx.exchange.contract.domain.Party;
import io.reelx.exchange.contract.query.ContractView.SignatureView;
import io.reelx.exchange.rights.query.RightsRegister.Page;
import io.reelx.exchange.shared.command.Registers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract register on PostgreSQL, written in the same transaction as the contract's events
 * (subscribing group): a signature's answer, the parties' lists and the drafting handler's
 * duplicate check always see the current state.
 */
@Component
@ProcessingGroup(Registers.GROUP)
public class ContractRegister {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  public ContractRegister(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @EventHandler
  void on(ContractDrafted e, @SequenceNumber long seq, @Timestamp Instant at) {
    ContractView view = new ContractView(e.contractId().value(), e.terms(), e.documentSha256(),
        ContractStatus.AWAITING_SIGNATURES, Map.of(), null, null, null, null, seq, at);
    jdbc.sql("INSERT INTO contract_view (id, listing_id, licensor_org_id, licensee_org_id, status, document, version,"
            + " drafted_at, updated_at) VALUES (?,?,?,?,?,?::jsonb,?,?,?)")
        .params(view.id(), e.terms().listingId(), e.terms().licensor().organizationId(),
            e.terms().licensee().organizationId(), view.status().name(), json.writeValueAsString(view), seq,
            java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
        .update();
  }

  @EventHandler
  void on(ContractSigned e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.contractId(), seq, at, v -> {
      Map<Party, SignatureView> signatures = new EnumMap<>(Party.class);
      signatures.putAll(v.signatures());
      signatures.put(e.party(), new SignatureView(e.organizationId(), e.signerUserId(), e.sha256(), e.signedAt()));
      return with(v, v.status(), signatures, v.activatedAt(), v.endedAt(), v.endReason(), v.grantEndsOn());
    });
  }

  @EventHandler
  void on(ContractActivated e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.contractId(), seq, at, v -> with(v, ContractStatus.ACTIVE, v.signatures(), e.activatedAt(), null, null,
        e.window().termEnd()));
  }

  @EventHandler
  void on(ContractVoided e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.contractId(), seq, at, v -> with(v, ContractStatus.VOID, v.signatures(), null, e.voidedAt(), e.reason(),
        null));
  }

  @EventHandler
  void on(ContractLapsed e, @SequenceNumber long seq, @Timestamp Instant at) {
    String missing = e.unsigned().stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(" and "));
    update(e.contractId(), seq, at, v -> with(v, ContractStatus.LAPSED, v.signatures(), null, e.lapsedAt(),
        "Not signed by the " + missing + " before the signing deadline", null));
  }

  @EventHandler
  void on(ContractExpired e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.contractId(), seq, at, v -> with(v, ContractStatus.EXPIRED, v.signatures(), v.activatedAt(),
        e.expiredAt(), "The licence term ended", v.grantEndsOn()));
  }

  @EventHandler
  void on(ContractTerminated e, @SequenceNumber long seq, @Timestamp Instant at) {
    update(e.contractId(), seq, at, v -> with(v, ContractStatus.TERMINATED, v.signatures(), v.activatedAt(),
        e.terminatedAt(), e.reason(),
        e.effectiveFrom().isAfter(v.terms().window().termStart()) ? e.effectiveFrom().minusDays(1) : null));
  }

  public Optional<ContractView> find(String id) {
    return jdbc.sql("SELECT document FROM contract_view WHERE id = ?").param(id)
        .query((rs, n) -> json.readValue(rs.getString(1), ContractView.class)).optional();
  }

  public boolean exists(ContractId id) {
    return jdbc.sql("SELECT count(*) FROM contract_view WHERE id = ?").param(id.value()).query(Long.class).single() > 0;
  }

  /**
   * Contracts visible to a viewer, newest first: those its organisation is party to (as
   * {@code role} when given), or all of them when {@code seesAll}.
   */
  public Page<ContractView> search(ContractSearch s, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    List<Object> params = new ArrayList<>();
    if (s.role() == Party.LICENSOR) {
      where.append(" AND licensor_org_id = ?");
      params.add(s.organizationId());
    } else if (s.role() == Party.LICENSEE) {
      where.append(" AND licensee_org_id = ?");
      params.add(s.organizationId());
    } else if (!s.seesAll()) {
      where.append(" AND (licensor_org_id = ? OR licensee_org_id = ?)");
      params.add(s.organizationId());
      params.add(s.organizationId());
    }
    if (s.status() != null) {
      where.append(" AND status = ?");
      params.add(s.status().name());
    }
    if (s.listingId() != null) {
      where.append(" AND listing_id = ?");
      params.add(s.listingId());
    }
    long total = jdbc.sql("SELECT count(*) FROM contract_view" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<ContractView> items = jdbc.sql("SELECT document FROM contract_view" + where
            + " ORDER BY drafted_at DESC, id LIMIT ? OFFSET ?")
        .params(pageParams)
        .query((rs, n) -> json.readValue(rs.getString(1), ContractView.class)).list();
    return new Page<>(items, page, size, total);
  }

  /** {@code role}: only contracts where {@code organizationId} is that party. */
  public record ContractSearch(
      String organizationId, boolean seesAll, Party role, ContractStatus status, String listingId) {}

  private void update(ContractId id, long seq, Instant at, UnaryOperator<ContractView> change) {
    ContractView current = jdbc.sql("SELECT document FROM contract_view WHERE id = ? FOR UPDATE").param(id.value())
        .query((rs, n) -> json.readValue(rs.getString(1), ContractView.class)).single();
    ContractView next = change.apply(current);
    ContractView stamped = new ContractView(next.id(), next.terms(), next.documentSha256(), next.status(),
        next.signatures(), next.activatedAt(), next.endedAt(), next.endReason(), next.grantEndsOn(), seq, at);
    jdbc.sql("UPDATE contract_view SET status = ?, document = ?::jsonb, version = ?, updated_at = ? WHERE id = ?")
        .params(stamped.status().name(), json.writeValueAsString(stamped), seq, java.sql.Timestamp.from(at), id.value())
        .update();
  }

  private static ContractView with(ContractView v, ContractStatus status, Map<Party, SignatureView> signatures,
      Instant activatedAt, Instant endedAt, String endReason, java.time.LocalDate grantEndsOn) {
    return new ContractView(v.id(), v.terms(), v.documentSha256(), status, signatures, activatedAt, endedAt,
        endReason, grantEndsOn, v.version(), v.updatedAt());
  }
}
