package io.reelx.exchange.rights.ema.sheet;

import static io.reelx.exchange.rights.ema.domain.Sheets.holding;
import static io.reelx.exchange.rights.ema.domain.Sheets.title;
import static io.reelx.exchange.rights.ema.domain.Sheets.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.ema.domain.AvailRow;
import io.reelx.exchange.rights.ema.domain.AvailsFileRefused;
import io.reelx.exchange.rights.ema.domain.AvailsRows;
import io.reelx.exchange.rights.ema.domain.CatalogueTitle;
import io.reelx.exchange.rights.ema.domain.EmaColumn;
import io.reelx.exchange.rights.ema.domain.RawRow;
import io.reelx.exchange.rights.ema.sheet.AvailsFileReader.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvailsFileReaderTest {

  @TempDir Path dir;

  private final AvailsFileReader reader = new AvailsFileReader(new ReadLimits(1000, 10L * 1024 * 1024, 100, 32_767));

  private static final CatalogueTitle TITLE = title("t-1",
      List.of(holding("h", window("CN,HK", "SVOD,TVOD", "zh,en", "2026-01-01", "2026-12-31"), true)),
      List.of(new Grant("c-1", window("CN", "SVOD", "zh", "2026-03-01", "2026-05-31"), true)));

  private List<RawRow> read(Path file, Format format) {
    List<RawRow> rows = new ArrayList<>();
    reader.read(file, format, rows::add);
    return rows;
  }

  private Path exported() throws IOException {
    Path file = dir.resolve("avails.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      AvailsXlsxWriter.write(sink -> new AvailsRows().rows(TITLE, sink), 1000, out);
    }
    return file;
  }

  @Test
  void a_written_sheet_reads_back_cell_for_cell() throws IOException {
    List<AvailRow> written = new AvailsRows().rows(TITLE);
    List<RawRow> read = read(exported(), Format.XLSX);
    assertThat(read).hasSize(written.size());
    for (int i = 0; i < written.size(); i++) {
      AvailRow w = written.get(i);
      RawRow r = read.get(i);
      assertThat(r.number()).isEqualTo(i + 2);
      for (EmaColumn c : EmaColumn.values()) {
        assertThat(r.get(c)).as("row %d %s", i + 2, c.header()).isEqualTo(c.write(w).strip());
      }
    }
  }

  @Test
  void a_csv_with_the_same_columns_reads_the_same_including_quotes_and_a_bom() throws IOException {
    Path csv = dir.resolve("avails.csv");
    Files.writeString(csv, "\uFEFFTitleDisplayUnlimited,Territory,LicenseType,Start,End,AllowedLanguages,Exclusive,Other\r\n"
        + "\"Moon, River\",CN,SVOD,2026-01-01,2026-12-31,\"zh,en\",Yes,ignored\r\n"
        + ",,,,,,,\r\n"
        + "\"Say \"\"hi\"\"\",HK,VOD,2026-01-01,2026-12-31,zh,No,x\n", StandardCharsets.UTF_8);
    List<RawRow> rows = read(csv, Format.CSV);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get(EmaColumn.TITLE)).isEqualTo("Moon, River");
    assertThat(rows.get(0).get(EmaColumn.ALLOWED_LANGUAGES)).isEqualTo("zh,en");
    assertThat(rows.get(1).number()).isEqualTo(4);
    assertThat(rows.get(1).get(EmaColumn.TITLE)).isEqualTo("Say \"hi\"");
  }

  @Test
  void a_file_that_is_not_a_workbook_is_refused() throws IOException {
    Path file = dir.resolve("x.xlsx");
    Files.writeString(file, "{\"not\": \"a sheet\"}");
    assertRefused(file, Format.XLSX, "not-a-spreadsheet");
    Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    assertRefused(file, Format.XLSX, "not-a-spreadsheet");
  }

  @Test
  void a_sheet_without_the_avails_columns_is_refused() throws IOException {
    Path csv = dir.resolve("x.csv");
    Files.writeString(csv, "episode,territory,channel\nS01E01,CN,SVOD\n");
    assertRefused(csv, Format.CSV, "not-an-avails-sheet");
  }

  @Test
  void formulas_are_refused() throws IOException {
    Path file = dir.resolve("formula.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      XSSFSheet sheet = wb.createSheet("Avails");
      header(sheet);
      sheet.createRow(1).createCell(0).setCellFormula("HYPERLINK(\"http://evil\",\"CN\")");
      wb.write(out);
    }
    assertRefused(file, Format.XLSX, "formulas-refused");
  }

  @Test
  void macro_enabled_workbooks_are_refused() throws IOException {
    Path file = dir.resolve("macros.xlsm");
    try (XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM); OutputStream out = Files.newOutputStream(file)) {
      header(wb.createSheet("Avails"));
      wb.write(out);
    }
    assertRefused(file, Format.XLSX, "macros-refused");
  }

  @Test
  void a_zip_bomb_is_refused_without_unpacking_it() throws IOException {
    Path file = dir.resolve("bomb.xlsx");
    Files.write(file, zipBomb(40 * 1024 * 1024));
    assertThat(Files.size(file)).isLessThan(200_000);
    long before = usedHeap();
    assertRefused(file, Format.XLSX, "zip-bomb");
    assertThat(usedHeap() - before).isLessThan(40L * 1024 * 1024);
  }

  @Test
  void excel_escaped_control_characters_are_read_as_the_characters_they_stand_for() throws IOException {
    Path file = dir.resolve("bell.xlsx");
    Files.write(file, controlCharacters());
    assertThat(read(file, Format.XLSX)).singleElement()
        .satisfies(r -> assertThat(r.get(EmaColumn.TITLE)).isEqualTo("Moon\u0007River"));
  }

  @Test
  void more_rows_than_allowed_are_refused_at_the_first_row_over() throws IOException {
    Path csv = dir.resolve("many.csv");
    StringBuilder text = new StringBuilder("TitleDisplayUnlimited,Territory,LicenseType,Start,End,AllowedLanguages,Exclusive\n");
    for (int i = 0; i < 1001; i++) {
      text.append("T").append(i).append(",CN,SVOD,2026-01-01,2026-12-31,zh,Yes\n");
    }
    Files.writeString(csv, text);
    assertRefused(csv, Format.CSV, "too-many-rows");
  }

  @Test
  void csv_that_is_not_utf8_or_has_an_open_quote_is_refused() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.write(csv, concat("TitleDisplayUnlimited,Territory,LicenseType,Start,End,AllowedLanguages,Exclusive\nA"
        .getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}));
    assertRefused(csv, Format.CSV, "not-csv");
    Files.writeString(csv, "TitleDisplayUnlimited,Territory,LicenseType,Start,End,AllowedLanguages,Exclusive\n\"A,CN\n");
    assertRefused(csv, Format.CSV, "not-csv");
  }

  private void assertRefused(Path file, Format format, String code) {
    assertThatThrownBy(() -> read(file, format)).isInstanceOfSatisfying(AvailsFileRefused.class,
        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }

  private static void header(XSSFSheet sheet) {
    var row = sheet.createRow(0);
    List<String> headers = EmaColumn.headers();
    for (int i = 0; i < headers.size(); i++) {
      row.createCell(i).setCellValue(headers.get(i));
    }
  }

  /** A minimal package whose one sheet unpacks to {@code size} bytes of repeated text. */
  static byte[] zipBomb(int size) throws IOException {
    byte[] filler = "<row/>".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    return workbook(zip -> {
      for (int written = 0; written < size; written += filler.length) {
        zip.write(filler);
      }
    });
  }

  /** A valid avails sheet whose one data row has a bell character (U+0007) in the title, escaped as Excel does. */
  static byte[] controlCharacters() throws IOException {
    StringBuilder xml = new StringBuilder("<row r=\"1\">");
    List<String> headers = EmaColumn.headers();
    for (String h : headers) {
      xml.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
    }
    xml.append("</row><row r=\"2\">");
    java.util.Map<String, String> values = java.util.Map.of("TitleDisplayUnlimited", "Moon_x0007_River", "TitleKind",
        "FILM", "EpisodeRuntimeMinutes", "90", "OriginalLanguage", "zh", "ReleaseYear", "2024", "Territory", "CN",
        "LicenseType", "SVOD", "Start", "2026-01-01", "End", "2026-12-31", "AllowedLanguages", "zh");
    for (String h : headers) {
      xml.append("<c t=\"inlineStr\"><is><t>").append(values.getOrDefault(h, h.equals("Exclusive") ? "Yes" : ""))
          .append("</t></is></c>");
    }
    xml.append("</row>");
    byte[] data = xml.toString().getBytes(StandardCharsets.UTF_8);
    return workbook(zip -> zip.write(data));
  }

  interface SheetData {
    void write(ZipOutputStream zip) throws IOException;
  }

  private static byte[] workbook(SheetData sheetData) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
          + "</Types>");
      entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
          + "</Relationships>");
      entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
          + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
          + "<sheet name=\"Avails\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "</Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
          .getBytes(StandardCharsets.UTF_8));
      sheetData.write(zip);
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
