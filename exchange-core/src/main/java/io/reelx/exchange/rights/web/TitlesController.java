package io.reelx.exchange.rights.web;

import static io.reelx.exchange.shared.web.Times.utc;

import io.reelx.api.TitlesApi;
import io.reelx.api.model.Avails;
import io.reelx.api.model.Blocker;
import io.reelx.api.model.BlockerReason;
import io.reelx.api.model.DateRange;
import io.reelx.api.model.Holding;
import io.reelx.api.model.HoldingRequest;
import io.reelx.api.model.Media;
import io.reelx.api.model.RegisterTitleRequest;
import io.reelx.api.model.Title;
import io.reelx.api.model.TitlePage;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.rights.api.WindowMapping;
import io.reelx.exchange.rights.command.RecordHolding;
import io.reelx.exchange.rights.command.RegisterTitle;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.Blockers;
import io.reelx.exchange.rights.domain.GrantedElsewhere;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.NotHeld;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.rights.query.HoldingView;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import io.reelx.exchange.shared.domain.NotFound;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TitlesController implements TitlesApi {

  private final Access access;
  private final CommandGateway commands;
  private final RightsRegister register;

  public TitlesController(Access access, CommandGateway commands, RightsRegister register) {
    this.access = access;
    this.commands = commands;
    this.register = register;
  }

  @Override
  public ResponseEntity<Title> registerTitle(RegisterTitleRequest r) {
    CurrentUser user = access.require(Role.RIGHTS_HOLDER);
    TitleId id = TitleId.newId();
    commands.sendAndWait(new RegisterTitle(id, user.organizationId().value(), r.getName(), r.getOriginalName(),
        TitleKind.valueOf(r.getKind().name()), r.getEpisodes(), r.getMinutesPerEpisode(), r.getOriginalLanguage(),
        r.getProductionYear(), r.getSynopsis()));
    return ResponseEntity.created(URI.create("/api/v1/titles/" + id.value()))
        .body(toApi(register.title(id).orElseThrow()));
  }

  @Override
  public ResponseEntity<Title> getTitle(String titleId) {
    return ResponseEntity.ok(toApi(visibleTitle(titleId)));
  }

  @Override
  public ResponseEntity<TitlePage> listTitles(String q, Integer page, Integer size) {
    CurrentUser user = access.current();
    String org = user.seesAllOrganizations() ? null : user.organizationId().value();
    RightsRegister.Page<TitleView> result = register.titles(org, q, page, size);
    return ResponseEntity.ok(new TitlePage(result.items().stream().map(TitlesController::toApi).toList(),
        result.page(), result.size(), result.totalItems(), result.totalPages()));
  }

  @Override
  public ResponseEntity<Holding> recordHolding(String titleId, HoldingRequest r) {
    CurrentUser user = access.require(Role.RIGHTS_HOLDER);
    TitleView title = visibleTitle(titleId);
    RightsWindow window = WindowTerms.parse("", r.getTerritories(), WindowMapping.names(r.getMedia()),
        r.getLanguages(), r.getTermStart(), r.getTermEnd());
    HoldingId holdingId = new HoldingId(UUID.randomUUID().toString());
    io.reelx.exchange.rights.domain.Holding holding = new io.reelx.exchange.rights.domain.Holding(
        holdingId, window, r.getExclusive(), r.getSublicensable(), r.getEvidenceSha256());
    commands.sendAndWait(new RecordHolding(title.id(), user.organizationId().value(), holding, r.getEvidenceNote()));
    HoldingView recorded = register.holdings(title.id()).stream()
        .filter(h -> h.holding().id().equals(holdingId)).findFirst().orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/titles/" + titleId + "/holdings/" + holdingId.value()))
        .body(toApi(recorded));
  }

  @Override
  public ResponseEntity<List<Holding>> listHoldings(String titleId) {
    TitleView title = visibleTitle(titleId);
    return ResponseEntity.ok(register.holdings(title.id()).stream().map(TitlesController::toApi).toList());
  }

  @Override
  public ResponseEntity<Avails> getAvails(String titleId, List<String> territories, List<Media> media,
      List<String> languages, LocalDate start, LocalDate end, Boolean exclusive, Boolean sublicensable) {
    TitleView title = visibleTitle(titleId);
    RightsWindow window = WindowTerms.parse("", territories, WindowMapping.names(media), languages, start, end);
    boolean ex = Boolean.TRUE.equals(exclusive);
    boolean sub = Boolean.TRUE.equals(sublicensable);
    io.reelx.exchange.rights.domain.Avails avails = register.avails(title.id(), new AvailsRequest(window, ex, sub));
    List<Blocker> blockers = avails.blockers().stream().map(TitlesController::toApi).toList();
    return ResponseEntity.ok(new Avails(titleId, avails.available(), WindowMapping.toApi(window, ex, sub), blockers,
        List.copyOf(avails.availableTerritories().codes())));
  }

  private TitleView visibleTitle(String titleId) {
    CurrentUser user = access.current();
    return register.title(new TitleId(titleId))
        .filter(t -> user.seesAllOrganizations() || t.ownerOrganizationId().equals(user.organizationId().value()))
        .orElseThrow(() -> new NotFound("title", titleId));
  }

  private static Blocker toApi(io.reelx.exchange.rights.domain.Blocker blocker) {
    String detail = Blockers.describe(blocker);
    if (blocker instanceof NotHeld n) {
      return new Blocker(BlockerReason.NOT_HELD, List.copyOf(n.territories().codes()), WindowMapping.compact(n.media()),
          List.copyOf(n.languages().codes()), detail)
          .gaps(n.gaps().stream().map(t -> new DateRange(t.start(), t.end())).toList());
    }
    GrantedElsewhere g = (GrantedElsewhere) blocker;
    RightsWindow overlap = g.overlap();
    return new Blocker(g.exclusive() ? BlockerReason.GRANTED_EXCLUSIVE : BlockerReason.GRANTED_NON_EXCLUSIVE,
        List.copyOf(overlap.territories().codes()), WindowMapping.compact(overlap.media()),
        List.copyOf(overlap.languages().codes()), detail)
        .contractId(g.contractId())
        .termStart(overlap.term().start())
        .termEnd(overlap.term().end());
  }

  private static Title toApi(TitleView t) {
    return new Title(t.id().value(), t.ownerOrganizationId(), t.name(), t.originalName(),
        io.reelx.api.model.TitleKind.valueOf(t.kind().name()), t.episodes(), t.minutesPerEpisode(),
        t.originalLanguage(), t.productionYear(), utc(t.registeredAt()))
        .synopsis(t.synopsis());
  }

  private static Holding toApi(HoldingView h) {
    io.reelx.exchange.rights.domain.Holding holding = h.holding();
    RightsWindow w = holding.window();
    return new Holding(holding.id().value(), h.titleId().value(), List.copyOf(w.territories().codes()),
        WindowMapping.compact(w.media()), List.copyOf(w.languages().codes()), w.term().start(), w.term().end(),
        holding.exclusive(), holding.sublicensable(), holding.evidenceSha256(), utc(h.recordedAt()))
        .evidenceNote(h.evidenceNote());
  }
}
