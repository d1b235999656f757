package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.rights.domain.Avails;
import io.reelx.exchange.rights.domain.AvailsCalculator;
import io.reelx.exchange.rights.domain.AvailsRequest;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.rights.query.HoldingView;
import io.reelx.exchange.rights.query.RightsRegister;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register's avails check (one query, only the rows that can matter, stored lists parsed once)
 * answers exactly what the calculator answers over all of the title's holdings and grants, for
 * random registers and requests on real PostgreSQL. Rows are written as the register's handlers
 * write them ({@link WindowTerms#of}).
 */
class RightsRegisterAvailsTest extends IntegrationTest {

  private static final List<String> TERRITORIES = List.of("US", "CA", "MX", "GB", "FR", "CN", "JP", "DE");
  private static final List<String> LANGUAGES = List.of("en", "fr", "es", "zh");
  private static final LocalDate DAY_ZERO = LocalDate.of(2027, 1, 1);

  @Autowired RightsRegister register;
  @Autowired JdbcTemplate jdbc;

  @Test
  void the_register_answers_as_the_calculator_over_every_holding_and_grant() {
    Random random = new Random(20261203L);
    int checks = 0;
    int available = 0;
    for (int t = 0; t < 12; t++) {
      TitleId title = TitleId.newId();
      jdbc.update("INSERT INTO title (id, owner_org_id, name, kind, episodes, minutes_per_episode, original_language,"
          + " production_year, registered_at) VALUES (?, 'org-avails-test', ?, 'FILM', 1, 90, 'en', 2025, ?)",
          title.value(), "Avails test " + t, Timestamp.from(Instant.EPOCH));
      int holdings = random.nextInt(30);
      for (int i = 0; i < holdings; i++) {
        WindowTerms w = WindowTerms.of(window(random));
        jdbc.update("INSERT INTO holding (id, title_id, territories, media, languages, term_start, term_end, exclusive,"
            + " sublicensable, evidence_sha256, recorded_at) VALUES (?,?,?::text[],?::text[],?::text[],?,?,?,?,?,?)",
            title.value() + "-h" + i, title.value(), array(w.territories()), array(w.media()), array(w.languages()),
            Date.valueOf(w.termStart()), Date.valueOf(w.termEnd()), random.nextBoolean(), random.nextBoolean(),
            "ab".repeat(32), Timestamp.from(Instant.EPOCH));
      }
      int grants = random.nextInt(30);
      for (int i = 0; i < grants; i++) {
        WindowTerms w = WindowTerms.of(window(random));
        jdbc.update("INSERT INTO rights_grant (contract_id, title_id, territories, media, languages, term_start,"
            + " term_end, exclusive) VALUES (?,?,?::text[],?::text[],?::text[],?,?,?)",
            title.value() + "-g" + i, title.value(), array(w.territories()), array(w.media()), array(w.languages()),
            Date.valueOf(w.termStart()), Date.valueOf(w.termEnd()), random.nextBoolean());
      }
      for (int r = 0; r < 40; r++) {
        AvailsRequest request = new AvailsRequest(window(random), random.nextBoolean(), random.nextBoolean());
        Avails reference = new AvailsCalculator().check(request,
            register.holdings(title).stream().map(HoldingView::holding).toList(), register.grants(title));
        assertThat(register.avails(title, request)).as("title %d, request %s", t, request).isEqualTo(reference);
        checks++;
        available += reference.available() ? 1 : 0;
      }
    }
    // the random registers exercise both answers
    assertThat(available).isBetween(1, checks - 1);
  }

  private static RightsWindow window(Random random) {
    return new RightsWindow(TerritorySet.of(subset(random, TERRITORIES)),
        MediaSet.of(media(random)),
        LanguageSet.of(subset(random, LANGUAGES)), term(random));
  }

  /** One or two named media, parents included, so that the hierarchy is exercised. */
  private static List<Media> media(Random random) {
    List<Media> picked = subset(random, List.of(Media.values()));
    return picked.subList(0, Math.min(picked.size(), 1 + random.nextInt(2)));
  }

  private static Term term(Random random) {
    LocalDate start = DAY_ZERO.plusDays(random.nextInt(730));
    return new Term(start, start.plusDays(random.nextInt(400)));
  }

  /** A non-empty random subset, in random order. */
  private static <T> List<T> subset(Random random, List<T> all) {
    List<T> picked = new ArrayList<>();
    for (T member : all) {
      if (random.nextInt(3) == 0) {
        picked.add(member);
      }
    }
    if (picked.isEmpty()) {
      picked.add(all.get(random.nextInt(all.size())));
    }
    java.util.Collections.shuffle(picked, random);
    return picked;
  }

  private static String array(List<String> values) {
    return "{" + String.join(",", values) + "}";
  }
}
