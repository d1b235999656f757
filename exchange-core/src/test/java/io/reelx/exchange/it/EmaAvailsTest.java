package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.rights.ema.domain.EmaColumn;
import io.reelx.exchange.rights.ema.domain.RawRow;
import io.reelx.exchange.rights.ema.sheet.AvailsFileReader;
import io.reelx.exchange.rights.ema.sheet.ReadLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * EMA Avails over HTTP on the real application: export, import into an empty holder and export again
 * give the same sheet; dry runs and re-imports store nothing; hostile files get 4xx problem
 * documents and store nothing.
 */
class EmaAvailsTest extends IntegrationTest {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired JdbcClient jdbc;

  record Answer(int status, String type, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return Http.JSON.readTree(text());
    }
  }

  private Answer send(Market m, String method, String path, String contentType, byte[] body, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((m.holderName + ":" + m.holderPassword)
            .getBytes(StandardCharsets.UTF_8)));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    try {
      HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private byte[] export(Market m, String query) {
    Answer a = send(m, "GET", "/api/v1/titles/avails/ema" + query, null, null, null);
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.body();
  }

  private Answer importFile(Market m, String query, String type, byte[] file) {
    return send(m, "POST", "/api/v1/titles/holdings/import" + query, type, file, "application/json");
  }

  private static List<Map<String, String>> rows(byte[] xlsx) throws IOException {
    Path file = Files.createTempFile("ema-it-", ".xlsx");
    try {
      Files.write(file, xlsx);
      List<Map<String, String>> rows = new ArrayList<>();
      new AvailsFileReader(ReadLimits.defaults()).read(file, AvailsFileReader.Format.XLSX, (RawRow r) -> {
        Map<String, String> cells = new LinkedHashMap<>();
        for (EmaColumn c : EmaColumn.values()) {
          cells.put(c.header(), r.get(c));
        }
        rows.add(cells);
      });
      return rows;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** A holder with two titles: one held in Greater China (all media) and the US (SVOD, non-exclusive), one not held. */
  private Market catalogue() {
    Market m = market().withTitle();
    Http.Response holding = m.holder.post("/api/v1/titles/" + m.titleId + "/holdings", Map.of(
        "territories", List.of("US"), "media", List.of("SVOD"), "languages", List.of("en", "zh"),
        "termStart", "2027-01-01", "termEnd", "2029-06-30", "exclusive", false, "sublicensable", true,
        "evidenceSha256", "c".repeat(64)));
    assertThat(holding.status()).as(holding.body()).isEqualTo(201);
    Http.Response title = m.holder.post("/api/v1/titles", Map.of("name", "Unheld film " + m.holderName,
        "kind", "FILM", "episodes", 1, "minutesPerEpisode", 95, "originalLanguage", "en", "productionYear", 2024));
    assertThat(title.status()).as(title.body()).isEqualTo(201);
    return m;
  }

  private long stored(Market m) {
    String org = m.holder.get("/api/v1/me").get("organizationId");
    return jdbc.sql("SELECT (SELECT count(*) FROM title WHERE owner_org_id = ?) + (SELECT count(*) FROM holding h"
        + " JOIN title t ON t.id = h.title_id WHERE t.owner_org_id = ?)").params(org, org).query(Long.class).single();
  }

  @Test
  void export_then_import_into_an_empty_holder_then_export_gives_the_same_sheet() throws Exception {
    Market source = catalogue();
    byte[] sheet = export(source, "");
    List<Map<String, String>> before = rows(sheet);
    assertThat(before).hasSize(4 * 9 + 1 + 1); // GREATER_CHINA x 9 licence types, US SVOD, the unheld title
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "ema-avails-example.xlsx"), sheet);

    Market empty = market();
    Answer dry = importFile(empty, "?dryRun=true", XLSX, sheet);
    assertThat(dry.status()).as(dry.text()).isEqualTo(200);
    assertThat(dry.json().get("recorded").asBoolean()).isFalse();
    assertThat(dry.json().get("titles")).hasSize(2);
    assertThat(dry.json().get("holdings")).hasSize(2);
    assertThat(stored(empty)).as("a dry run stores nothing").isZero();

    Answer imported = importFile(empty, "", XLSX, sheet);
    assertThat(imported.status()).as(imported.text()).isEqualTo(201);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sheet));
    assertThat(imported.json().get("fileSha256").asString()).isEqualTo(sha);
    long afterImport = stored(empty);
    assertThat(afterImport).isEqualTo(2 + 2);
    String newTitle = imported.json().get("holdings").get(0).get("titleId").asString();
    JsonNode holdings = empty.holder.get("/api/v1/titles/" + newTitle + "/holdings").json();
    assertThat(holdings.get(0).get("evidenceSha256").asString()).isEqualTo(sha);
    assertThat(holdings.get(0).get("evidenceNote").asString()).contains(sha);

    Answer again = importFile(empty, "", XLSX, sheet);
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(again.json().get("recorded").asBoolean()).isFalse();
    assertThat(again.json().get("rowsAlreadyRecorded").asInt()).isEqualTo(before.size() - 1);
    assertThat(stored(empty)).as("re-importing changes nothing").isEqualTo(afterImport);

    List<Map<String, String>> after = rows(export(empty, ""));
    assertThat(withoutIds(after)).isEqualTo(withoutIds(before));
  }

  /** The sheet without what names the exchange's own records: the licensor organisation and title ids. */
  private static List<Map<String, String>> withoutIds(List<Map<String, String>> rows) {
    return rows.stream().map(r -> {
      Map<String, String> copy = new LinkedHashMap<>(r);
      copy.remove("Licensor");
      copy.remove("ContentID");
      copy.computeIfPresent("TitleDisplayUnlimited", (k, v) -> v.replaceAll("holder-\\d+", "holder"));
      return copy;
    }).toList();
  }

  @Test
  void xml_is_chosen_by_accept_or_format_and_says_the_same_rows() throws Exception {
    Market m = catalogue();
    Answer xml = send(m, "GET", "/api/v1/titles/" + m.titleId + "/avails/ema", null, null, "application/xml");
    assertThat(xml.status()).as(xml.text()).isEqualTo(200);
    assertThat(xml.type()).startsWith("application/xml");
    assertThat(xml.text()).contains("<Avails xmlns=\"urn:reelx:ema-avails:1\">").contains("<LicenseType>X-ShortVideo</LicenseType>");
    assertThat(xml.text().split("<Avail>", -1)).hasSize(4 * 9 + 1 + 1);
    Answer byParam = send(m, "GET", "/api/v1/titles/" + m.titleId + "/avails/ema?format=xml", null, null, null);
    assertThat(byParam.text()).isEqualTo(xml.text());
  }

  @Test
  void as_of_yesterday_the_new_catalogue_is_empty_and_as_of_today_it_is_the_current_sheet() throws Exception {
    Market m = catalogue();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(rows(export(m, "?asOf=" + today.minusDays(1)))).isEmpty();
    assertThat(rows(export(m, "?asOf=" + today))).isEqualTo(rows(export(m, "")));
    Answer future = send(m, "GET", "/api/v1/titles/avails/ema?asOf=" + today.plusDays(2), null, null, null);
    assertThat(future.status()).isEqualTo(400);
  }

  @Test
  void a_file_with_bad_rows_reports_every_one_and_stores_nothing() {
    Market m = market();
    String csv = "TitleDisplayUnlimited,TitleKind,EpisodeRuntimeMinutes,OriginalLanguage,ReleaseYear,Territory,"
        + "LicenseType,Start,End,AllowedLanguages,Exclusive\n"
        + "Moon River,SERIES,45,zh,2025,CN,SVOD,2026-01-01,2026-12-31,zh,Yes\n"
        + "Moon River,SERIES,45,zh,2025,XX,SVOD,2026-01-01,2026-12-31,zh,Yes\n"
        + "Moon River,SERIES,45,zh,2025,CN,Streaming,2026-01-01,2026-12-31,zh,Yes\n"
        + "Moon River,SERIES,45,zh,2025,HK,SVOD,2026-12-31,2026-01-01,zh,Yes\n"
        + "Moon River,SERIES,45,zh,2025,CN,SVOD,2026-06-01,2026-06-30,zh,No\n";
    Answer a = importFile(m, "", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(a.status()).as(a.text()).isEqualTo(400);
    assertThat(a.type()).startsWith("application/problem+json");
    JsonNode errors = a.json().get("errors");
    assertThat(errors).hasSize(4);
    assertThat(errors.get(0).get("field").asString()).isEqualTo("rows[3].Territory");
    assertThat(errors.get(1).get("column").asString()).isEqualTo("LicenseType");
    assertThat(errors.get(2).get("reason").asString()).contains("before Start");
    assertThat(errors.get(3).get("reason").asString()).contains("contradicts row 2");
    assertThat(stored(m)).isZero();
  }

  @Test
  void hostile_files_get_a_problem_document_and_store_nothing() throws Exception {
    Market m = market();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("not a spreadsheet", "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8));
    files.put("zip bomb", io.reelx.exchange.rights.ema.sheet.AvailsFileReaderTestAccess.zipBomb(120 * 1024 * 1024));
    files.put("formulas", workbook(false, true));
    files.put("macros", workbook(true, false));
    files.put("control characters", io.reelx.exchange.rights.ema.sheet.AvailsFileReaderTestAccess.controlCharacters());
    files.put("1,000,000 rows", millionRows());
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      long started = System.nanoTime();
      Answer a = importFile(m, "", XLSX, f.getValue());
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(a.status()).as(f.getKey() + ": " + a.text()).isBetween(400, 499);
      assertThat(a.type()).as(f.getKey()).startsWith("application/problem+json");
      assertThat(a.json().get("code").asString()).as(f.getKey()).isNotBlank();
      System.out.printf("EMA hostile file %-20s %,10d bytes -> %d %s in %d ms%n", f.getKey(), f.getValue().length,
          a.status(), a.json().get("code").asString(), millis);
      Answer compared = send(m, "POST", "/api/v1/titles/avails/ema/comparison", XLSX, f.getValue(), "application/json");
      assertThat(compared.status()).as(f.getKey() + " comparison: " + compared.text()).isBetween(400, 499);
    }
    assertThat(stored(m)).isZero();
  }

  @Test
  void a_counterpartys_sheet_is_compared_with_what_reelx_shows_and_nothing_changes() throws Exception {
    Market m = catalogue();
    List<Map<String, String>> rows = rows(export(m, ""));
    long before = stored(m);
    String header = "ContentID,TitleDisplayUnlimited,Territory,LicenseType,Start,End,AllowedLanguages,Exclusive,AvailStatus\n";
    StringBuilder csv = new StringBuilder(header);
    Map<String, String> first = rows.get(0);
    // the same first row, the second row with another status, and a row ReelX does not have
    csv.append(line(first, first.get("AvailStatus")));
    csv.append(line(rows.get(1), "Granted"));
    csv.append(first.get("ContentID")).append(",,JP,SVOD,2026-01-01,2026-12-31,zh,Yes,Available\n");
    Answer a = send(m, "POST", "/api/v1/titles/avails/ema/comparison", "text/csv",
        csv.toString().getBytes(StandardCharsets.UTF_8), "application/json");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    JsonNode result = a.json();
    assertThat(result.get("rowsRead").asInt()).isEqualTo(3);
    assertThat(result.get("rowsMatched").asInt()).isEqualTo(1);
    List<String> kinds = new ArrayList<>();
    result.get("differences").forEach(d -> kinds.add(d.get("kind").asString()));
    assertThat(kinds).contains("STATUS_DIFFERS", "ONLY_IN_SHEET", "ONLY_IN_REELX");
    long sameTitle = rows.stream().filter(r -> r.get("ContentID").equals(first.get("ContentID"))).count();
    assertThat(kinds.stream().filter("ONLY_IN_REELX"::equals)).as("only the titles the sheet names are compared")
        .hasSize((int) sameTitle - 2);
    assertThat(stored(m)).isEqualTo(before);
  }

  private static String line(Map<String, String> r, String status) {
    return String.join(",", r.get("ContentID"), r.get("TitleDisplayUnlimited"), r.get("Territory"), r.get("LicenseType"),
        r.get("Start"), r.get("End"), "\"" + r.get("AllowedLanguages") + "\"", r.get("Exclusive"), status) + "\n";
  }

  private static byte[] workbook(boolean macros, boolean formula) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(macros ? XSSFWorkbookType.XLSM : XSSFWorkbookType.XLSX);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Avails");
      var head = sheet.createRow(0);
      List<String> headers = EmaColumn.headers();
      for (int i = 0; i < headers.size(); i++) {
        head.createCell(i).setCellValue(headers.get(i));
      }
      if (formula) {
        sheet.createRow(1).createCell(1).setCellFormula("CONCATENATE(\"C\",\"N\")");
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** A streamed workbook of 1,000,000 distinct data rows. */
  private static byte[] millionRows() throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(100);
    wb.setCompressTempFiles(true);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Avails");
      var head = sheet.createRow(0);
      String[] headers = {"TitleDisplayUnlimited", "Territory", "LicenseType", "Start", "End", "AllowedLanguages",
          "Exclusive"};
      for (int i = 0; i < headers.length; i++) {
        head.createCell(i).setCellValue(headers[i]);
      }
      for (int r = 1; r <= 1_000_000; r++) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue("T" + Integer.toHexString(r * 7919));
        row.createCell(1).setCellValue("CN");
      }
      wb.write(out);
      return out.toByteArray();
    } finally {
      wb.close();
    }
  }
}
