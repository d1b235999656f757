package io.reelx.exchange.rights.ema.sheet;

import io.reelx.exchange.rights.ema.domain.AvailRow;
import io.reelx.exchange.rights.ema.domain.EmaColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes avails rows as an .xlsx sheet named "Avails" with POI's streaming workbook: only a window
 * of rows is in memory, the rest goes to a compressed temporary file until the workbook is written.
 * Every cell is text (dates as YYYY-MM-DD), as EMA sheets carry them, so nothing depends on a
 * spreadsheet's date system.
 */
public final class AvailsXlsxWriter {

  public static final String SHEET = "Avails";
  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final int WINDOW = 200;

  /**
   * Writes the rows {@code source} produces to {@code out}; refuses (before anything is written to
   * {@code out}) more than {@code maxRows} rows, the sheet's own limit being 1,048,575.
   */
  public static void write(Consumer<Consumer<AvailRow>> source, int maxRows, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    workbook.setCompressTempFiles(true);
    try {
      SXSSFSheet sheet = workbook.createSheet(SHEET);
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      Row head = sheet.createRow(0);
      List<String> headers = EmaColumn.headers();
      for (int c = 0; c < headers.size(); c++) {
        head.createCell(c).setCellValue(headers.get(c));
        head.getCell(c).setCellStyle(header);
      }
      sheet.createFreezePane(0, 1);
      int[] next = {1};
      source.accept(row -> {
        if (next[0] > maxRows) {
          throw new TooManyRows(maxRows);
        }
        Row r = sheet.createRow(next[0]++);
        List<String> cells = row.cells();
        for (int c = 0; c < cells.size(); c++) {
          r.createCell(c).setCellValue(cells.get(c));
        }
      });
      workbook.write(out);
    } finally {
      workbook.close(); // also deletes the temporary files (POI 5)
    }
  }

  /** More rows than a sheet may hold. */
  public static final class TooManyRows extends RuntimeException {
    public TooManyRows(int max) {
      super("the avails would take more than " + max + " rows: export fewer titles or one title at a time");
    }
  }

  private AvailsXlsxWriter() {}
}
