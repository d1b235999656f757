package io.reelx.exchange.rights.ema.web;

import io.reelx.api.AvailsApi;
import io.reelx.api.model.AvailsComparison;
import io.reelx.api.model.AvailsDifference;
import io.reelx.api.model.HoldingsImportReport;
import io.reelx.api.model.ImportedHolding;
import io.reelx.api.model.ImportedTitle;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.Access;
import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.rights.api.WindowMapping;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.ema.command.HoldingsImport;
import io.reelx.exchange.rights.ema.domain.AvailRow;
import io.reelx.exchange.rights.ema.domain.AvailsComparison.Difference;
import io.reelx.exchange.rights.ema.domain.AvailsFileRefused;
import io.reelx.exchange.rights.ema.domain.AvailsRows;
import io.reelx.exchange.rights.ema.domain.CatalogueTitle;
import io.reelx.exchange.rights.ema.domain.EmaColumn;
import io.reelx.exchange.rights.ema.domain.ImportPlan;
import io.reelx.exchange.rights.ema.domain.RawRow;
import io.reelx.exchange.rights.ema.query.AvailsCatalogue;
import io.reelx.exchange.rights.ema.sheet.AvailsFileReader;
import io.reelx.exchange.rights.ema.sheet.AvailsXlsxWriter;
import io.reelx.exchange.rights.ema.sheet.AvailsXmlWriter;
import io.reelx.exchange.rights.ema.sheet.ReadLimits;
import io.reelx.exchange.rights.query.LicensedTitles;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

/**
 * EMA Avails over HTTP. Exports are written to a temporary file first (the workbook streams there),
 * so a refusal (too many rows) still gets a problem document, and the file is sent and deleted;
 * uploads are copied to a temporary file while their SHA-256 is computed, then read row by row.
 */
@RestController
public class AvailsController implements AvailsApi {

  private final Access access;
  private final RightsRegister register;
  private final AvailsCatalogue catalogue;
  private final HoldingsImport imports;
  private final LicensedTitles licensed;
  private final Clock clock;
  private final ReadLimits limits;
  private final int maxExportRows;

  public AvailsController(Access access, RightsRegister register, AvailsCatalogue catalogue, HoldingsImport imports,
      LicensedTitles licensed, Clock clock,
      @Value("${reelx.ema.max-rows:100000}") int maxRows,
      @Value("${reelx.ema.max-export-rows:1000000}") int maxExportRows) {
    this.access = access;
    this.register = register;
    this.catalogue = catalogue;
    this.imports = imports;
    this.licensed = licensed;
    this.clock = clock;
    ReadLimits d = ReadLimits.defaults();
    this.limits = new ReadLimits(maxRows, d.maxUnpackedPartBytes(), d.minInflateBasisPoints(), d.maxCellChars());
    this.maxExportRows = maxExportRows;
  }

  // ---------------------------------------------------------------- export

  @Override
  public ResponseEntity<Resource> exportTitleAvails(String titleId, String format, LocalDate asOf) {
    TitleView title = visibleTitle(titleId);
    checkAsOf(asOf);
    Consumer<Consumer<CatalogueTitle>> titles = asOf == null
        ? out -> out.accept(catalogue.current(title))
        : out -> catalogue.asOf(title.ownerOrganizationId(), Optional.of(title.id()), asOf, out);
    return export(titles, format, "avails-" + titleId + (asOf == null ? "" : "-" + asOf));
  }

  @Override
  public ResponseEntity<Resource> exportCatalogueAvails(String format, LocalDate asOf) {
    CurrentUser user = access.current();
    checkAsOf(asOf);
    String org = user.organizationId().value();
    Consumer<Consumer<CatalogueTitle>> titles = asOf == null
        ? out -> catalogue.current(org, out)
        : out -> catalogue.asOf(org, Optional.empty(), asOf, out);
    return export(titles, format, "avails" + (asOf == null ? "" : "-" + asOf));
  }

  private ResponseEntity<Resource> export(Consumer<Consumer<CatalogueTitle>> titles, String format, String name) {
    boolean xml = xml(format);
    AvailsRows rows = new AvailsRows();
    Consumer<Consumer<AvailRow>> source = out -> titles.accept(t -> rows.rows(t, out));
    Path file = temp("reelx-avails-", xml ? ".xml" : ".xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      if (xml) {
        AvailsXmlWriter.write(source, out);
      } else {
        AvailsXlsxWriter.write(source, maxExportRows, out);
      }
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
    try {
      long length = Files.size(file);
      InputStream in = new java.io.FilterInputStream(Files.newInputStream(file)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            delete(file);
          }
        }
      };
      return ResponseEntity.ok()
          .contentType(xml ? MediaType.APPLICATION_XML : MediaType.parseMediaType(AvailsXlsxWriter.MEDIA_TYPE))
          .contentLength(length)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + (xml ? ".xml" : ".xlsx") + "\"")
          .body(new InputStreamResource(in));
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    }
  }

  private boolean xml(String format) {
    if (format != null) {
      return switch (format) {
        case "xml" -> true;
        case "xlsx" -> false;
        default -> throw new InvalidValue("format", "xlsx or xml");
      };
    }
    String accept = request().getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("xml")
        && !accept.toLowerCase(Locale.ROOT).contains("spreadsheetml");
  }

  private void checkAsOf(LocalDate asOf) {
    if (asOf != null && asOf.isAfter(LocalDate.now(clock))) {
      throw new InvalidValue("asOf", "must not be after today (" + LocalDate.now(clock) + ")");
    }
  }

  // ---------------------------------------------------------------- import

  @Override
  public ResponseEntity<HoldingsImportReport> importHoldings(Resource body, Boolean dryRun) {
    CurrentUser user = access.require(Role.RIGHTS_HOLDER);
    boolean dry = Boolean.TRUE.equals(dryRun);
    Upload upload = upload(body);
    try {
      HoldingsImport.Outcome outcome = imports.run(user.organizationId().value(), upload.sha256(),
          upload.format().name().toLowerCase(Locale.ROOT) + " upload", dry,
          rows -> new AvailsFileReader(limits).read(upload.file(), upload.format(), rows));
      ImportPlan plan = outcome.plan();
      Map<String, String> names = new HashMap<>();
      List<ImportedTitle> titles = new ArrayList<>();
      for (ImportPlan.NewTitle t : plan.newTitles()) {
        names.put(t.key(), t.name());
        TitleId id = outcome.registeredTitles().get(t.key());
        titles.add(new ImportedTitle(t.name(), io.reelx.api.model.TitleKind.valueOf(t.kind().name()), t.firstRow())
            .titleId(id == null ? null : id.value()));
      }
      List<ImportedHolding> holdings = plan.holdings().stream().map(h -> {
        TitleId id = h.titleId() != null ? h.titleId() : outcome.registeredTitles().get(h.newTitleKey());
        String name = h.titleId() != null ? register.title(h.titleId()).map(TitleView::name).orElse("")
            : names.get(h.newTitleKey());
        return new ImportedHolding(name, List.copyOf(h.window().territories().codes()),
            WindowMapping.compact(h.window().media()), List.copyOf(h.window().languages().codes()),
            h.window().term().start(), h.window().term().end(), h.exclusive(), h.sublicensable(), h.rows())
            .titleId(id == null ? null : id.value());
      }).toList();
      boolean stored = outcome.recorded() && (!plan.holdings().isEmpty() || !plan.newTitles().isEmpty());
      HoldingsImportReport report = new HoldingsImportReport(dry, stored, upload.sha256(), plan.rowsRead(),
          plan.rowsAlreadyRecorded(), plan.rowsWithoutRights(), titles, holdings);
      return stored ? ResponseEntity.created(URI.create("/api/v1/titles")).body(report) : ResponseEntity.ok(report);
    } finally {
      delete(upload.file());
    }
  }

  // ---------------------------------------------------------------- comparison

  @Override
  public ResponseEntity<AvailsComparison> compareAvails(Resource body) {
    CurrentUser user = access.current();
    Upload upload = upload(body);
    try {
      Map<String, TitleView> licensed = user.has(Role.PLATFORM) ? licensedTitles(user) : Map.of();
      Map<String, Optional<CatalogueTitle>> resolved = new HashMap<>();
      io.reelx.exchange.rights.ema.domain.AvailsComparison comparison =
          new io.reelx.exchange.rights.ema.domain.AvailsComparison(row -> {
            String key = row.get(EmaColumn.CONTENT_ID) + "\u0000" + row.get(EmaColumn.TITLE);
            return resolved.computeIfAbsent(key, k -> find(user, licensed, row).map(catalogue::current));
          });
      new AvailsFileReader(limits).read(upload.file(), upload.format(), comparison::accept);
      io.reelx.exchange.rights.ema.domain.AvailsComparison.Result result = comparison.result();
      return ResponseEntity.ok(new AvailsComparison(result.rowsRead(), result.rowsMatched(),
          result.differencesNotListed(), result.differences().stream().map(AvailsController::toApi).toList()));
    } finally {
      delete(upload.file());
    }
  }

  private Optional<TitleView> find(CurrentUser user, Map<String, TitleView> licensed, RawRow row) {
    String contentId = row.get(EmaColumn.CONTENT_ID);
    String name = row.get(EmaColumn.TITLE);
    if (!contentId.isEmpty() && contentId.length() <= 64) {
      Optional<TitleView> byId = register.title(new TitleId(contentId)).filter(t -> visible(user, licensed, t));
      if (byId.isPresent()) {
        return byId;
      }
    }
    if (name.isEmpty() || name.length() > 200) {
      return Optional.empty();
    }
    if (user.has(Role.PLATFORM) && !user.seesAllOrganizations()) {
      List<TitleView> named = licensed.values().stream().filter(t -> t.name().equals(name)).toList();
      return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }
    String org = user.seesAllOrganizations() ? null : user.organizationId().value();
    List<TitleView> named = register.titles(org, name, 0, 50).items().stream().filter(t -> t.name().equals(name))
        .toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  private static boolean visible(CurrentUser user, Map<String, TitleView> licensed, TitleView t) {
    return user.seesAllOrganizations() || t.ownerOrganizationId().equals(user.organizationId().value())
        || licensed.containsKey(t.id().value());
  }

  /** The titles a platform licenses under its contracts. */
  private Map<String, TitleView> licensedTitles(CurrentUser user) {
    Map<String, TitleView> titles = new HashMap<>();
    for (TitleId id : licensed.licensedTo(user.organizationId().value())) {
      register.title(id).ifPresent(t -> titles.put(t.id().value(), t));
    }
    return titles;
  }

  private static AvailsDifference toApi(Difference d) {
    return new AvailsDifference(AvailsDifference.KindEnum.valueOf(d.kind().name()), d.row(), d.detail())
        .titleId(d.titleId()).title(d.title()).territory(d.territory()).licenseType(d.licenseType())
        .start(d.start()).end(d.end()).languages(d.languages()).exclusive(d.exclusive())
        .sheetStatus(d.sheetStatus()).reelxStatus(d.reelxStatus());
  }

  // ---------------------------------------------------------------- files

  private record Upload(Path file, String sha256, AvailsFileReader.Format format) {}

  private Upload upload(Resource body) {
    String contentType = request().getContentType();
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    AvailsFileReader.Format format = type.startsWith("text/csv") ? AvailsFileReader.Format.CSV
        : AvailsFileReader.Format.XLSX;
    Path file = temp("reelx-upload-", format == AvailsFileReader.Format.CSV ? ".csv" : ".xlsx");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(body.getInputStream(), sha)) {
        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return new Upload(file, HexFormat.of().formatHex(sha.digest()), format);
    } catch (IOException | RuntimeException e) {
      delete(file);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new UncheckedIOException((IOException) e);
    } catch (NoSuchAlgorithmException e) {
      delete(file);
      throw new IllegalStateException(e);
    }
  }

  private static Path temp(String prefix, String suffix) {
    try {
      return Files.createTempFile(prefix, suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file left behind is removed with the temporary directory
    }
  }

  private TitleView visibleTitle(String titleId) {
    CurrentUser user = access.current();
    if (titleId.isBlank()) {
      throw new NotFound("title", titleId);
    }
    return register.title(new TitleId(titleId))
        .filter(t -> user.seesAllOrganizations() || t.ownerOrganizationId().equals(user.organizationId().value()))
        .orElseThrow(() -> new NotFound("title", titleId));
  }

  // ---------------------------------------------------------------- refusals

  @ExceptionHandler(AvailsFileRefused.class)
  ResponseEntity<ProblemDetail> refused(AvailsFileRefused e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(URI.create("https://reelx.io/problems/" + e.code()));
    problem.setTitle("The file is refused");
    problem.setProperty("code", e.code());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors().stream().map(r -> Map.of(
          "field", r.row() == 0 ? "rows" : "rows[" + r.row() + "]." + r.column(), "row", r.row(),
          "column", r.column(), "reason", r.reason())).toList());
    }
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(AvailsXlsxWriter.TooManyRows.class)
  ResponseEntity<ProblemDetail> tooMany(AvailsXlsxWriter.TooManyRows e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setType(URI.create("https://reelx.io/problems/too-many-rows"));
    problem.setTitle("Too many rows for one sheet");
    problem.setProperty("code", "too-many-rows");
    return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /**
   * The request being answered, looked up when it is needed: a constructor-injected request proxy
   * exists only in a web application context, and the exchange also starts without one (migration).
   */
  private static HttpServletRequest request() {
    return ((org.springframework.web.context.request.ServletRequestAttributes)
        org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
  }
}
