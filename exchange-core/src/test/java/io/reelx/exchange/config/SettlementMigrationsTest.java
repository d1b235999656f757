package io.reelx.exchange.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Settlement's migrations live in the settlement module ({@code db/migration/settlement}), found by
 * the exchange's recursive {@code classpath:db/migration}. They moved there byte for byte, so a
 * database migrated when every script sat in exchange-core's {@code db/migration} still validates
 * (same versions, descriptions and checksums), and a new database migrates to the same schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementMigrationsTest {

  /** The checksums the scripts were applied with before they moved (flyway_schema_history on main). */
  private static final Map<String, Integer> APPLIED_CHECKSUMS = Map.of("7", 980387769, "23", -452271896);

  private EmbeddedPostgres postgres;

  @BeforeAll
  void start() throws IOException {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
  }

  @AfterAll
  void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private DataSource database(String name) {
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
    return postgres.getDatabase("postgres", name);
  }

  @Test
  void settlement_scripts_come_from_the_settlement_module() throws IOException {
    Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/settlement/*.sql");
    assertThat(Arrays.stream(scripts).map(Resource::getFilename))
        .contains("V7__settlement.sql", "V23__statement_versions_and_adjustments.sql");
    assertThat(Arrays.stream(scripts).map(r -> {
      try {
        return r.getURL().toString();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    })).allSatisfy(url -> assertThat(url).contains("settlement"));
    assertThat(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V7__settlement.sql"))
        .as("no copy left at the top level").isEmpty();
  }

  @Test
  void a_new_database_migrates_with_the_settlement_tables() {
    DataSource fresh = database("fresh");
    Flyway flyway = Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load();
    flyway.migrate();
    Map<String, Integer> checksums = new TreeMap<>();
    for (MigrationInfo m : flyway.info().applied()) {
      checksums.put(m.getVersion().getVersion(), m.getChecksum());
    }
    assertThat(checksums).containsEntry("7", APPLIED_CHECKSUMS.get("7")).containsEntry("23", APPLIED_CHECKSUMS.get("23"));
    List<String> tables = new JdbcTemplate(fresh).queryForList(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
    assertThat(tables).contains("settlement_agreement", "ledger_transfer", "revenue_report", "settlement_statement",
        "settlement_discrepancy", "settlement_payout");
    assertThat(new JdbcTemplate(fresh).queryForList("SELECT column_name FROM information_schema.columns"
        + " WHERE table_name = 'settlement_statement'", String.class)).contains("adjustment");
  }

  @Test
  void a_database_migrated_with_every_script_in_exchange_core_still_validates(@TempDir Path before) throws IOException {
    // the layout before the move: every script, byte for byte, in one directory
    for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql")) {
      try (InputStream in = script.getInputStream()) {
        Files.copy(in, before.resolve(script.getFilename()));
      }
    }
    assertThat(before.resolve("V7__settlement.sql")).exists();
    DataSource existing = database("existing");
    Flyway.configure().dataSource(existing).locations("filesystem:" + before).load().migrate();

    ValidateResult validation = Flyway.configure().dataSource(existing).locations("classpath:db/migration").load()
        .validateWithResult();
    assertThat(validation.validationSuccessful).as(String.valueOf(validation.invalidMigrations)).isTrue();
    assertThat(Flyway.configure().dataSource(existing).locations("classpath:db/migration").load().migrate().migrationsExecuted)
        .as("nothing left to apply").isZero();
  }
}
