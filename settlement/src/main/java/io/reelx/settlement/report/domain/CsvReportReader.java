package io.reelx.settlement.report.domain;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a revenue-report CSV ({@link CsvFormat}) from a {@link Reader}: each valid line goes
 * to the sink as soon as it is read, every error of every line is collected, and memory stays
 * constant (one line of at most {@link CsvFormat#MAX_LINE_CHARS} characters at a time). A bad
 * header stops the read: without it no line can be understood.
 */
public final class CsvReportReader {

  private final ReportLineValidator validator;

  public CsvReportReader(String reportCurrency) {
    this(reportCurrency, null);
  }

  /** @param window when given, lines outside it are errors ({@link ReportLineValidator}) */
  public CsvReportReader(String reportCurrency, LicensedWindow window) {
    this.validator = new ReportLineValidator(reportCurrency, window);
  }

  public ValidationOutcome read(Reader reader, LineSink sink) {
    ErrorSink errors = new ErrorSink();
    LineSource source = new LineSource(reader);
    StringBuilder line = new StringBuilder(256);
    long lineNumber = 0;
    int[] positions = null;
    long records = 0;
    List<String> fields = new ArrayList<>(CsvFormat.COLUMNS.size() + 2);
    while (true) {
      int status = source.next(line);
      if (status == LineSource.END) {
        break;
      }
      lineNumber++;
      if (status == LineSource.TOO_LONG) {
        if (positions == null) {
          errors.add(new LineError(lineNumber, "", "header longer than " + CsvFormat.MAX_LINE_CHARS + " characters"));
          return outcome(0, errors);
        }
        records++;
        errors.add(new LineError(lineNumber, "", "line longer than " + CsvFormat.MAX_LINE_CHARS + " characters"));
        continue;
      }
      if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == BYTE_ORDER_MARK) {
        line.deleteCharAt(0); // Excel writes UTF-8 CSV with a byte-order mark
      }
      if (line.length() == 0) {
        continue;
      }
      String control = controlCharacter(line);
      if (control != null) {
        if (positions == null) {
          errors.add(new LineError(lineNumber, "", "header: " + control));
          return outcome(0, errors);
        }
        records++;
        errors.add(new LineError(lineNumber, "", control));
        continue;
      }
      fields.clear();
      String splitError = split(line, fields);
      if (positions == null) {
        positions = header(lineNumber, splitError, fields, errors);
        if (positions == null) {
          return outcome(0, errors);
        }
        continue;
      }
      records++;
      if (splitError != null) {
        errors.add(new LineError(lineNumber, "", splitError));
        continue;
      }
      if (fields.size() != positions.length) {
        errors.add(new LineError(lineNumber, "", "expected " + positions.length + " fields, found " + fields.size()));
        continue;
      }
      ReportLineInput input = new ReportLineInput(fields.get(positions[0]), fields.get(positions[1]), fields.get(positions[2]),
          fields.get(positions[3]), fields.get(positions[4]), fields.get(positions[5]), fields.get(positions[6]));
      ReportLine valid = validator.validate(lineNumber, input, errors);
      if (valid != null) {
        sink.accept(valid);
      }
    }
    if (positions == null) {
      errors.add(new LineError(1, "", "the report is empty: a header line is required (" + CsvFormat.HEADER + ")"));
    }
    return outcome(records, errors);
  }

  private static ValidationOutcome outcome(long records, ErrorSink errors) {
    return new ValidationOutcome(records, records - errors.linesWithErrors(), errors.errors(), errors.count());
  }

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /** Why the line cannot be taken: a control character (tab aside) that no report value holds; null if none. */
  static String controlCharacter(CharSequence line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7F) {
        return String.format("contains a control character (U+%04X) at column %d", (int) c, i + 1);
      }
    }
    return null;
  }

  /** Column index of each {@link CsvFormat#COLUMNS} entry, or {@code null} after reporting the header's errors. */
  private static int[] header(long lineNumber, String splitError, List<String> names, ErrorSink errors) {
    if (splitError != null) {
      errors.add(new LineError(lineNumber, "", "header: " + splitError));
      return null;
    }
    Map<String, Integer> index = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).trim();
      if (!CsvFormat.COLUMNS.contains(name)) {
        errors.add(new LineError(lineNumber, name, "unknown column; expected " + CsvFormat.HEADER));
        ok = false;
      } else if (index.putIfAbsent(name, i) != null) {
        errors.add(new LineError(lineNumber, name, "duplicate column"));
        ok = false;
      }
    }
    int[] positions = new int[CsvFormat.COLUMNS.size()];
    for (int c = 0; c < positions.length; c++) {
      Integer at = index.get(CsvFormat.COLUMNS.get(c));
      if (at == null) {
        errors.add(new LineError(lineNumber, CsvFormat.COLUMNS.get(c), "missing column"));
        ok = false;
      } else {
        positions[c] = at;
      }
    }
    return ok ? positions : null;
  }

  /** Splits one line into fields; returns an error text for a malformed quote, else {@code null}. */
  static String split(CharSequence line, List<String> out) {
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      field.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            return "unterminated quoted field " + (out.size() + 1);
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < n && line.charAt(i) != ',') {
          return "text after the closing quote of field " + (out.size() + 1);
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          char c = line.charAt(i++);
          if (c == '"') {
            return "quote inside unquoted field " + (out.size() + 1);
          }
          field.append(c);
        }
      }
      out.add(field.toString());
      if (i >= n) {
        return null;
      }
      i++; // the comma
      if (i == n) {
        out.add("");
        return null;
      }
    }
  }

  /** Reads physical lines (LF or CRLF) into a reused buffer, never more than the line cap. */
  private static final class LineSource {
    static final int END = -1;
    static final int OK = 0;
    static final int TOO_LONG = 1;

    private final Reader reader;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;

    LineSource(Reader reader) {
      this.reader = reader;
    }

    int next(StringBuilder line) {
      line.setLength(0);
      boolean any = false;
      boolean tooLong = false;
      while (true) {
        if (position == limit && !fill()) {
          if (!any) {
            return END;
          }
          break;
        }
        any = true;
        char c = buffer[position++];
        if (c == '\n') {
          break;
        }
        if (!tooLong) {
          if (line.length() >= CsvFormat.MAX_LINE_CHARS) {
            tooLong = true;
            line.setLength(0);
          } else {
            line.append(c);
          }
        }
      }
      if (tooLong) {
        return TOO_LONG;
      }
      int last = line.length() - 1;
      if (last >= 0 && line.charAt(last) == '\r') {
        line.setLength(last);
      }
      return OK;
    }

    private boolean fill() {
      try {
        int read = reader.read(buffer, 0, buffer.length);
        while (read == 0) {
          read = reader.read(buffer, 0, buffer.length);
        }
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
