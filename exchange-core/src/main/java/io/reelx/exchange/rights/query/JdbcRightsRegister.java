package io.reelx.exchange.rights.query;

import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.AvailsCalculator;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.HoldingRecorded;
import io.reelx.exchange.rights.domain.RightsGrantCut;
import io.reelx.exchange.rights.domain.RightsGranted;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.domain.TitleRegistered;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.shared.command.Registers;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rights register on PostgreSQL: titles, holdings and grants, written in the same transaction as the events that change them
 * (subscribing group), so avails and the listing rules always see the current register.
 */
@Component
@ProcessingGroup(Registers.GROUP)
public class JdbcRightsRegister implements RightsRegister {

  private final JdbcClient jdbc;
  private final StoredWindows windows = new StoredWindows();

  public JdbcRightsRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(TitleRegistered e, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.sql("INSERT INTO title (id, owner_org_id, name, original_name, kind, episodes, minutes_per_episode,"
            + " original_language, production_year, synopsis, registered_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .params(e.titleId().value(), e.ownerOrganizationId(), e.name(), e.originalName(), e.kind().name(),
            e.episodes(), e.minutesPerEpisode(), e.originalLanguage(), e.productionYear(), e.synopsis(),
            Timestamp.from(at))
        .update();
  }

  @EventHandler
  void on(HoldingRecorded e, @org.axonframework.eventhandling.Timestamp Instant at) {
    WindowTerms w = e.window();
    jdbc.sql("INSERT INTO holding (id, title_id, territories, media, languages, term_start, term_end, exclusive,"
            + " sublicensable, evidence_sha256, evidence_note, recorded_at)"
            + " VALUES (?,?,?::text[],?::text[],?::text[],?,?,?,?,?,?,?)")
        .params(e.holdingId(), e.titleId().value(), array(w.territories()), array(w.media()),
            array(w.languages()), Date.valueOf(w.termStart()), Date.valueOf(w.termEnd()), e.exclusive(),
            e.sublicensable(), e.evidenceSha256(), e.evidenceNote(), Timestamp.from(at))
        .update();
  }

  @EventHandler
  void on(RightsGranted e) {
    WindowTerms w = e.window();
    jdbc.sql("INSERT INTO rights_grant (contract_id, title_id, territories, media, languages, term_start, term_end,"
            + " exclusive) VALUES (?,?,?::text[],?::text[],?::text[],?,?,?)")
        .params(e.grantId(), e.titleId(), array(w.territories()), array(w.media()), array(w.languages()),
            Date.valueOf(w.termStart()), Date.valueOf(w.termEnd()), e.exclusive())
        .update();
  }

  /** The grant no longer applies from the effective date: keep only the days before it, if any. */
  @EventHandler
  void on(RightsGrantCut e) {
    jdbc.sql("DELETE FROM rights_grant WHERE contract_id = ? AND term_start >= ?")
        .params(e.grantId(), Date.valueOf(e.effectiveFrom())).update();
    jdbc.sql("UPDATE rights_grant SET term_end = ? WHERE contract_id = ? AND term_end >= ?")
        .params(Date.valueOf(e.effectiveFrom().minusDays(1)), e.grantId(), Date.valueOf(e.effectiveFrom()))
        .update();
  }

  @Override
  public void lockForGrant(TitleId id) {
    jdbc.sql("SELECT id FROM title WHERE id = ? FOR UPDATE").param(id.value()).query(String.class).optional();
  }

  @Override
  public Optional<TitleView> title(TitleId id) {
    return jdbc.sql("SELECT * FROM title WHERE id = ?").param(id.value()).query(JdbcRightsRegister::title).optional();
  }

  /** Titles visible to {@code organizationId} (all of them when null), by name, paged. */
  @Override
  public Page<TitleView> titles(String organizationId, String nameContains, int page, int size) {
    String where = " WHERE (CAST(? AS text) IS NULL OR owner_org_id = ?)"
        + " AND (CAST(? AS text) IS NULL OR name ILIKE '%' || ? || '%')";
    Object[] params = {organizationId, organizationId, nameContains, nameContains};
    long total = jdbc.sql("SELECT count(*) FROM title" + where).params(params).query(Long.class).single();
    List<TitleView> items = jdbc.sql("SELECT * FROM title" + where + " ORDER BY name, id LIMIT ? OFFSET ?")
        .params(params).param(size).param((long) page * size)
        .query(JdbcRightsRegister::title).list();
    return new Page<>(items, page, size, total);
  }

  /**
   * One query for both sides of the check, reading only the rows that can matter to it: holdings
   * and grants whose term overlaps the requested one, holdings with the exclusivity and
   * sublicensability asked for, and (for a non-exclusive request) only exclusive grants. The
   * calculator applies the same rules again; this only spares it the rows it would drop. Windows
   * are not filtered by territory, media or language here: a stored window may name a group or a
   * parent medium ("VOD"), which array overlap with the request's codes and leaves would miss, and
   * a missed grant would let two exclusive contracts both become active (ExclusiveWindowRaceTest).
   * Each stored list is parsed once ({@link StoredWindows}).
   */
  @Override
  public Avails avails(TitleId id, AvailsRequest request) {
    RightsWindow wanted = request.window();
    Term want = wanted.term();
    Date start = Date.valueOf(want.start());
    Date end = Date.valueOf(want.end());
    List<Holding> holdings = new ArrayList<>();
    List<Grant> grants = new ArrayList<>();
    jdbc.sql("SELECT true AS held, id AS ref, territories::text AS t, media::text AS m, languages::text AS l,"
            + " term_start, term_end, exclusive, sublicensable, evidence_sha256 FROM holding"
            + " WHERE title_id = ? AND term_start <= ? AND term_end >= ? AND (exclusive OR NOT ?)"
            + " AND (sublicensable OR NOT ?)"
            + " UNION ALL SELECT false, contract_id, territories::text, media::text, languages::text,"
            + " term_start, term_end, exclusive, false, NULL FROM rights_grant"
            + " WHERE title_id = ? AND term_start <= ? AND term_end >= ? AND (exclusive OR ?)")
        .params(id.value(), end, start, request.exclusive(), request.sublicensable(),
            id.value(), end, start, request.exclusive())
        .query(rs -> {
          RightsWindow window = windows.window(rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));
          if (rs.getBoolean(1)) {
            holdings.add(new Holding(new HoldingId(rs.getString(2)), window, rs.getBoolean(8), rs.getBoolean(9),
                rs.getString(10)));
          } else {
            grants.add(new Grant(rs.getString(2), window, rs.getBoolean(8)));
          }
        });
    return new AvailsCalculator().check(request, holdings, grants);
  }

  @Override
  public List<HoldingView> holdings(TitleId id) {
    return jdbc.sql("SELECT * FROM holding WHERE title_id = ? ORDER BY recorded_at, id")
        .param(id.value())
        .query(JdbcRightsRegister::holding)
        .list();
  }

  @Override
  public List<Grant> grants(TitleId id) {
    return jdbc.sql("SELECT * FROM rights_grant WHERE title_id = ? ORDER BY contract_id")
        .param(id.value())
        .query((rs, n) -> new Grant(rs.getString("contract_id"), window(rs), rs.getBoolean("exclusive")))
        .list();
  }

  static String array(List<String> values) {
    return "{" + String.join(",", values) + "}";
  }

  private static List<String> list(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }

  private static RightsWindow window(ResultSet rs) throws SQLException {
    return new WindowTerms(list(rs.getArray("territories")), list(rs.getArray("media")),
        list(rs.getArray("languages")), rs.getDate("term_start").toLocalDate(),
        rs.getDate("term_end").toLocalDate()).toWindow();
  }

  private static TitleView title(ResultSet rs, int n) throws SQLException {
    return new TitleView(new TitleId(rs.getString("id")), rs.getString("owner_org_id"), rs.getString("name"),
        rs.getString("original_name"), TitleKind.valueOf(rs.getString("kind")), rs.getInt("episodes"),
        rs.getInt("minutes_per_episode"), rs.getString("original_language"), rs.getInt("production_year"),
        rs.getString("synopsis"), rs.getTimestamp("registered_at").toInstant());
  }

  private static HoldingView holding(ResultSet rs, int n) throws SQLException {
    Holding holding = new Holding(new HoldingId(rs.getString("id")), window(rs), rs.getBoolean("exclusive"),
        rs.getBoolean("sublicensable"), rs.getString("evidence_sha256"));
    return new HoldingView(new TitleId(rs.getString("title_id")), holding, rs.getString("evidence_note"),
        rs.getTimestamp("recorded_at").toInstant());
  }
}
