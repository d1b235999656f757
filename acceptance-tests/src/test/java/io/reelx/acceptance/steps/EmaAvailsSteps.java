package io.reelx.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.World;
import io.reelx.exchange.rights.ema.domain.EmaColumn;
import io.reelx.exchange.rights.ema.sheet.AvailsFileReader;
import io.reelx.exchange.rights.ema.sheet.ReadLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EMA Avails: sheets are downloaded and uploaded as bytes (the generated client would not keep them). */
public class EmaAvailsSteps {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final World world;
  private byte[] sheet;
  private List<Map<String, String>> rows;
  private int status;
  private JsonNode answer;

  public EmaAvailsSteps(World world) {
    this.world = world;
  }

  private HttpResponse<byte[]> send(Actor actor, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(world.baseUri() + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (actor.username() + ":" + actor.password()).getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", contentType).header("Accept", "application/json, application/problem+json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("Cannot reach the exchange: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  private byte[] export(Actor actor, String query) {
    HttpResponse<byte[]> response = send(actor, "/api/v1/titles/avails/ema" + query, null, null);
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return response.body();
  }

  private static List<Map<String, String>> read(byte[] bytes, AvailsFileReader.Format format) {
    try {
      Path file = Files.createTempFile("ema-acceptance-", format == AvailsFileReader.Format.CSV ? ".csv" : ".xlsx");
      try {
        Files.write(file, bytes);
        List<Map<String, String>> result = new ArrayList<>();
        new AvailsFileReader(ReadLimits.defaults()).read(file, format, r -> {
          Map<String, String> cells = new LinkedHashMap<>();
          for (EmaColumn c : EmaColumn.values()) {
            cells.put(c.header(), r.get(c));
          }
          result.add(cells);
        });
        return result;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void importSheet(Actor actor, String query, String contentType, byte[] body) {
    HttpResponse<byte[]> response = send(actor, "/api/v1/titles/holdings/import" + query, contentType, body);
    status = response.statusCode();
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
    }
  }

  @When("{actor} exports the avails of its titles as an EMA sheet")
  @Given("{actor} has exported the avails of its titles as an EMA sheet")
  public void exports(Actor actor) {
    sheet = export(actor, "");
    rows = read(sheet, AvailsFileReader.Format.XLSX);
  }

  @When("{actor} exports the avails of its titles as they stood yesterday")
  public void exportsYesterday(Actor actor) {
    rows = read(export(actor, "?asOf=" + LocalDate.now(ZoneOffset.UTC).minusDays(1)), AvailsFileReader.Format.XLSX);
  }

  @When("{actor} exports the avails of its titles as they stand today")
  public void exportsToday(Actor actor) {
    rows = read(export(actor, "?asOf=" + LocalDate.now(ZoneOffset.UTC)), AvailsFileReader.Format.XLSX);
  }

  @Then("the sheet has {int} rows for {string}")
  public void theSheetHasRowsFor(int count, String title) {
    assertThat(rows).filteredOn(r -> r.get("ContentID").equals(world.title(title).getId())).hasSize(count);
  }

  @Then("the sheet has no rows")
  public void theSheetHasNoRows() {
    assertThat(rows).isEmpty();
  }

  @Then("the sheet has a row for {string} in {word}, licence type {word}, from {date} to {date}, {word}")
  public void theSheetHasARow(String title, String territory, String licenseType, LocalDate start, LocalDate end,
      String status) {
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.get("ContentID")).isEqualTo(world.title(title).getId());
      assertThat(r.get("Territory")).isEqualTo(territory);
      assertThat(r.get("LicenseType")).isEqualTo(licenseType);
      assertThat(r.get("Start")).isEqualTo(start.toString());
      assertThat(r.get("End")).isEqualTo(end.toString());
      assertThat(r.get("AvailStatus")).isEqualTo(status);
      assertThat(r.get("Licensor")).isEqualTo(world.organizationNameFor("Lotus Films"));
    });
  }

  @When("{actor} imports the avails sheet:")
  public void importsTheSheet(Actor actor, DataTable table) {
    StringBuilder csv = new StringBuilder();
    for (List<String> line : table.asLists()) {
      csv.append(String.join(",", line.stream().map(c -> c == null ? "" : c).toList())).append('\n');
    }
    importSheet(actor, "", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Then("the import is refused with the errors:")
  public void theImportIsRefused(DataTable expected) {
    assertThat(status).as(answer.toString()).isEqualTo(400);
    List<Map<String, String>> want = expected.asMaps();
    JsonNode errors = answer.get("errors");
    assertThat(errors).as(answer.toString()).hasSize(want.size());
    for (int i = 0; i < want.size(); i++) {
      assertThat(errors.get(i).get("row").asInt()).isEqualTo(Integer.parseInt(want.get(i).get("row")));
      assertThat(errors.get(i).get("column").asText()).isEqualTo(want.get(i).get("column"));
      assertThat(errors.get(i).get("reason").asText()).contains(want.get(i).get("reason"));
    }
  }

  @Then("{actor} has no titles")
  public void hasNoTitles(Actor actor) throws Exception {
    assertThat(actor.titles().listTitles(null, 0, 20).getTotalItems()).isZero();
  }

  @When("{actor} imports that sheet as a dry run")
  public void importsThatSheetAsADryRun(Actor actor) {
    importSheet(actor, "?dryRun=true", XLSX, sheet);
  }

  @When("{actor} imports that sheet")
  public void importsThatSheet(Actor actor) {
    importSheet(actor, "", XLSX, sheet);
  }

  @Then("the import would register {int} title(s) and record {int} holding(s)")
  public void wouldRegister(int titles, int holdings) {
    assertThat(status).as(answer.toString()).isEqualTo(200);
    assertThat(answer.get("dryRun").asBoolean()).isTrue();
    assertThat(answer.get("recorded").asBoolean()).isFalse();
    assertThat(answer.get("titles")).hasSize(titles);
    assertThat(answer.get("holdings")).hasSize(holdings);
  }

  @Then("the import registered {int} title(s) and recorded {int} holding(s) with the sheet's SHA-256 as evidence")
  public void registered(int titles, int holdings) throws Exception {
    assertThat(status).as(answer.toString()).isEqualTo(201);
    assertThat(answer.get("titles")).hasSize(titles);
    assertThat(answer.get("holdings")).hasSize(holdings);
    assertThat(answer.get("fileSha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sheet)));
  }

  @Then("the avails {actor} exports are the sheet {actor} exported, but for the licensor and the title ids")
  public void sameSheet(Actor importer, Actor exporter) {
    List<Map<String, String>> theirs = read(export(importer, ""), AvailsFileReader.Format.XLSX);
    assertThat(withoutIds(theirs)).isEqualTo(withoutIds(rows));
  }

  @Then("the import recorded nothing: all {int} rows were already recorded")
  public void recordedNothing(int count) {
    assertThat(status).as(answer.toString()).isEqualTo(200);
    assertThat(answer.get("recorded").asBoolean()).isFalse();
    assertThat(answer.get("rowsAlreadyRecorded").asInt()).isEqualTo(count);
  }

  private static List<Map<String, String>> withoutIds(List<Map<String, String>> rows) {
    return rows.stream().map(r -> {
      Map<String, String> copy = new LinkedHashMap<>(r);
      copy.remove("Licensor");
      copy.remove("ContentID");
      return copy;
    }).toList();
  }
}
