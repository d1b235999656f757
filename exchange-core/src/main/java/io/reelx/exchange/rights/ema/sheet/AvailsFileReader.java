package io.reelx.exchange.rights.ema.sheet;

import io.reelx.exchange.rights.ema.domain.AvailsFileRefused;
import io.reelx.exchange.rights.ema.domain.EmaColumn;
import io.reelx.exchange.rights.ema.domain.RawRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an avails file (.xlsx or CSV) row by row, within {@link ReadLimits}: the .xlsx through
 * POI's SAX event reader (never the whole workbook in memory), refusing macro-enabled workbooks,
 * formulas, zip bombs (POI's {@link ZipSecureFile} ratio and entry-size checks), more rows than
 * allowed and over-long cells; the CSV as strict UTF-8 RFC 4180. The first row is the header: known
 * column names (see {@link EmaColumn}) are read, others ignored.
 */
public final class AvailsFileReader {

  private static final List<EmaColumn> REQUIRED = List.of(EmaColumn.TERRITORY, EmaColumn.LICENSE_TYPE,
      EmaColumn.START, EmaColumn.END, EmaColumn.ALLOWED_LANGUAGES, EmaColumn.EXCLUSIVE);

  private final ReadLimits limits;

  public AvailsFileReader(ReadLimits limits) {
    this.limits = limits;
  }

  public enum Format { XLSX, CSV }

  /** Reads {@code file}; every data row that is not blank goes to {@code rows}. */
  public void read(Path file, Format format, Consumer<RawRow> rows) {
    if (format == Format.CSV) {
      readCsv(file, rows);
    } else {
      readXlsx(file, rows);
    }
  }

  // ---------------------------------------------------------------- xlsx

  private void readXlsx(Path file, Consumer<RawRow> rows) {
    byte[] magic = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(magic, 0, 4) < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
        throw new AvailsFileRefused("not-a-spreadsheet", "The file is not an .xlsx workbook (not a zip package)");
      }
    } catch (IOException e) {
      throw new AvailsFileRefused("not-a-spreadsheet", "The file cannot be read");
    }
    ZipSecureFile.setMinInflateRatio(limits.minInflateBasisPoints() / 10_000.0);
    ZipSecureFile.setMaxEntrySize(limits.maxUnpackedPartBytes());
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      for (PackagePart part : pkg.getParts()) {
        String type = part.getContentType().toLowerCase(Locale.ROOT);
        String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
        if (type.contains("macroenabled") || type.contains("vbaproject") || name.endsWith(".bin")
            && name.contains("vba")) {
          throw new AvailsFileRefused("macros-refused",
              "The workbook carries macros (.xlsm/VBA): save it as a plain .xlsx workbook");
        }
      }
      XSSFReader reader = new XSSFReader(pkg);
      List<String> strings = sharedStrings(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new AvailsFileRefused("not-a-spreadsheet", "The workbook has no sheet");
      }
      InputStream chosen = null;
      while (sheets.hasNext()) {
        InputStream sheet = sheets.next();
        if (chosen == null || AvailsXlsxWriter.SHEET.equalsIgnoreCase(sheets.getSheetName())) {
          if (chosen != null) {
            chosen.close();
          }
          chosen = sheet;
        } else {
          sheet.close();
        }
      }
      try (InputStream sheet = chosen) {
        XMLReader xml = SAXHelper.newXMLReader();
        Rows sink = new Rows(rows);
        xml.setContentHandler(new SheetHandler(strings, styles, sink));
        xml.parse(new InputSource(sheet));
        sink.end();
      }
    } catch (AvailsFileRefused e) {
      throw e;
    } catch (Stop stop) {
      throw stop.refusal;
    } catch (Exception e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof Stop stop) {
          throw stop.refusal;
        }
        if (String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")) {
          throw new AvailsFileRefused("zip-bomb", "The workbook unpacks to far more than it weighs (a zip bomb):"
              + " refused without unpacking it");
        }
        cause = cause.getCause();
      }
      throw new AvailsFileRefused("not-a-spreadsheet", "The file is not a readable .xlsx workbook");
    }
  }

  /** Unwinds a SAX parse (or the CSV loop) with a refusal. */
  private static final class Stop extends RuntimeException {
    final AvailsFileRefused refusal;

    Stop(AvailsFileRefused refusal) {
      super(refusal.getMessage(), null, false, false);
      this.refusal = refusal;
    }
  }

  /**
   * The workbook's shared strings, refused beyond {@code 2 x maxRows} of them or an over-long one,
   * before the sheet is read (POI's own table would hold however many the file declares).
   */
  private List<String> sharedStrings(OPCPackage pkg) throws Exception {
    List<String> strings = new ArrayList<>();
    List<PackagePart> parts = pkg.getPartsByContentType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
    if (parts.isEmpty()) {
      return strings;
    }
    int max = 2 * limits.maxRows();
    try (InputStream in = parts.get(0).getInputStream()) {
      XMLReader xml = SAXHelper.newXMLReader();
      xml.setContentHandler(new DefaultHandler() {
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
          switch (localName) {
            case "si" -> text.setLength(0);
            case "rPh" -> inPhonetic = true;
            case "t" -> inText = !inPhonetic;
            default -> { }
          }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
          if (inText) {
            if (text.length() + length > limits.maxCellChars()) {
              throw new Stop(new AvailsFileRefused("cell-too-long", "A shared string is longer than "
                  + limits.maxCellChars() + " characters"));
            }
            text.append(ch, start, length);
          }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
          switch (localName) {
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            case "si" -> {
              if (strings.size() >= max) {
                throw new Stop(new AvailsFileRefused("too-many-rows", "The workbook holds more than " + max
                    + " distinct texts: more than " + limits.maxRows() + " rows can need; split it into several files"));
              }
              strings.add(unescape(text.toString()));
            }
            default -> { }
          }
        }
      });
      xml.parse(new InputSource(in));
    }
    return strings;
  }

  private final class SheetHandler extends DefaultHandler {
    private final List<String> strings;
    private final StylesTable styles;
    private final Rows rows;
    private final StringBuilder text = new StringBuilder();
    private Map<Integer, String> cells;
    private int rowNumber;
    private int column;
    private int nextColumn;
    private String type;
    private String style;
    private boolean collecting;
    private String cellRef;

    SheetHandler(List<String> strings, StylesTable styles, Rows rows) {
      this.strings = strings;
      this.styles = styles;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      switch (localName) {
        case "row" -> {
          String r = a.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
          cells = new HashMap<>();
          nextColumn = 0;
        }
        case "c" -> {
          cellRef = a.getValue("r");
          column = cellRef == null ? nextColumn : new CellReference(cellRef).getCol();
          nextColumn = column + 1;
          type = a.getValue("t");
          style = a.getValue("s");
        }
        case "f" -> throw new Stop(new AvailsFileRefused("formulas-refused", "Cell "
            + (cellRef == null ? "in row " + rowNumber : cellRef) + " holds a formula: paste values only"));
        case "v", "t" -> {
          collecting = true;
          text.setLength(0);
        }
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collecting) {
        if (text.length() + length > limits.maxCellChars()) {
          throw new Stop(new AvailsFileRefused("cell-too-long", "A cell in row " + rowNumber + " is longer than "
              + limits.maxCellChars() + " characters"));
        }
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "v" -> {
          collecting = false;
          cells.put(column, value(text.toString()));
        }
        case "t" -> {
          collecting = false;
          if ("inlineStr".equals(type)) {
            cells.merge(column, unescape(text.toString()), String::concat);
          }
        }
        case "row" -> rows.row(rowNumber, cells);
        default -> { }
      }
    }

    private String value(String v) {
      if (type == null || type.equals("n")) {
        try {
          if (style != null && !v.isEmpty()) {
            XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
            if (s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString())) {
              return DateUtil.getLocalDateTime(Double.parseDouble(v)).toLocalDate().toString();
            }
          }
          return new BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (RuntimeException e) {
          return v;
        }
      }
      return switch (type) {
        case "s" -> {
          try {
            yield strings.get(Integer.parseInt(v));
          } catch (RuntimeException e) {
            throw new Stop(new AvailsFileRefused("not-a-spreadsheet", "Cell " + cellRef
                + " points to a shared string the workbook does not have"));
          }
        }
        case "b" -> "1".equals(v) ? "Yes" : "No";
        case "e" -> throw new Stop(new AvailsFileRefused("formulas-refused", "Cell " + cellRef
            + " holds an error value: paste values only"));
        default -> v;
      };
    }
  }

  private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile("_x([0-9A-Fa-f]{4})_");

  /** Excel writes characters XML cannot hold (controls) as {@code _xHHHH_}: read them as what they are. */
  static String unescape(String text) {
    if (text.indexOf("_x") < 0) {
      return text;
    }
    return ESCAPE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
        String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  // ---------------------------------------------------------------- csv

  private void readCsv(Path file, Consumer<RawRow> sink) {
    Rows rows = new Rows(sink);
    try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024)) {
      int line = 0;
      Map<Integer, String> cells = new HashMap<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean afterQuote = false;
      int c = reader.read();
      if (c == 0xFEFF) {
        c = reader.read();
      }
      int column = 0;
      line = 1;
      int rowStart = 1;
      while (c != -1) {
        char ch = (char) c;
        if (quoted) {
          if (ch == '"') {
            int next = reader.read();
            if (next == '"') {
              append(cell, '"', rowStart);
            } else {
              quoted = false;
              afterQuote = true;
              c = next;
              continue;
            }
          } else {
            if (ch == '\n') {
              line++;
            }
            append(cell, ch, rowStart);
          }
        } else if (ch == '"' && cell.length() == 0 && !afterQuote) {
          quoted = true;
        } else if (ch == ',') {
          cells.put(column++, cell.toString());
          cell.setLength(0);
          afterQuote = false;
        } else if (ch == '\n' || ch == '\r') {
          if (ch == '\r') {
            int next = reader.read();
            if (next != '\n') {
              c = next;
              cells.put(column, cell.toString());
              rows.row(rowStart, cells);
              cells = new HashMap<>();
              cell.setLength(0);
              column = 0;
              afterQuote = false;
              line++;
              rowStart = line;
              continue;
            }
          }
          cells.put(column, cell.toString());
          rows.row(rowStart, cells);
          cells = new HashMap<>();
          cell.setLength(0);
          column = 0;
          afterQuote = false;
          line++;
          rowStart = line;
        } else if (afterQuote) {
          throw new AvailsFileRefused("not-csv", "Line " + line + ": text after a closing quote");
        } else {
          append(cell, ch, rowStart);
        }
        c = reader.read();
      }
      if (quoted) {
        throw new AvailsFileRefused("not-csv", "Line " + rowStart + ": a quoted cell is never closed");
      }
      if (column > 0 || cell.length() > 0) {
        cells.put(column, cell.toString());
        rows.row(rowStart, cells);
      }
      rows.end();
    } catch (Stop stop) {
      throw stop.refusal;
    } catch (CharacterCodingException e) {
      throw new AvailsFileRefused("not-csv", "The CSV is not valid UTF-8");
    } catch (IOException e) {
      throw new AvailsFileRefused("not-csv", "The CSV cannot be read");
    }
  }

  private void append(StringBuilder cell, char ch, int row) {
    if (cell.length() >= limits.maxCellChars()) {
      throw new Stop(new AvailsFileRefused("cell-too-long", "A cell in row " + row + " is longer than "
          + limits.maxCellChars() + " characters"));
    }
    cell.append(ch);
  }

  // ---------------------------------------------------------------- rows, header first

  private final class Rows {
    private final Consumer<RawRow> sink;
    private Map<Integer, EmaColumn> header;
    private int dataRows;

    Rows(Consumer<RawRow> sink) {
      this.sink = sink;
    }

    void row(int number, Map<Integer, String> cells) {
      if (header == null) {
        if (cells.values().stream().allMatch(String::isBlank)) {
          return;
        }
        header = new HashMap<>();
        List<String> unknownRequired = new ArrayList<>();
        cells.forEach((i, name) -> EmaColumn.byHeader(name.strip()).ifPresent(c -> header.put(i, c)));
        for (EmaColumn c : REQUIRED) {
          if (!header.containsValue(c)) {
            unknownRequired.add(c.header());
          }
        }
        if (!header.containsValue(EmaColumn.CONTENT_ID) && !header.containsValue(EmaColumn.TITLE)) {
          unknownRequired.add(EmaColumn.CONTENT_ID.header() + " or " + EmaColumn.TITLE.header());
        }
        if (!unknownRequired.isEmpty()) {
          throw new Stop(new AvailsFileRefused("not-an-avails-sheet", "The header row (row " + number
              + ") lacks the columns " + unknownRequired + ": the columns are " + EmaColumn.headers()));
        }
        return;
      }
      if (cells.values().stream().allMatch(String::isBlank)) {
        return;
      }
      if (++dataRows > limits.maxRows()) {
        throw new Stop(new AvailsFileRefused("too-many-rows", "The file has more than " + limits.maxRows()
            + " rows: split it into several files"));
      }
      Map<EmaColumn, String> byColumn = new EnumMap<>(EmaColumn.class);
      header.forEach((i, column) -> byColumn.put(column, cells.getOrDefault(i, "")));
      sink.accept(new RawRow(number, byColumn));
    }

    void end() {
      if (header == null) {
        throw new AvailsFileRefused("not-an-avails-sheet", "The file is empty: no header row");
      }
    }
  }
}
