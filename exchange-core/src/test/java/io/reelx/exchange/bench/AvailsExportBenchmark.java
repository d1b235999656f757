package io.reelx.exchange.bench;

import io.reelx.exchange.rights.domain.Grant;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.LanguageSet;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.Term;
import io.reelx.exchange.rights.domain.TerritorySet;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.domain.TitleKind;
import io.reelx.exchange.rights.ema.domain.AvailRow;
import io.reelx.exchange.rights.ema.domain.AvailsRows;
import io.reelx.exchange.rights.ema.domain.CatalogueTitle;
import io.reelx.exchange.rights.ema.sheet.AvailsXlsxWriter;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * EMA Avails export of N titles (default 10,000), each held in Greater China for VOD (16 cells) and
 * every third one licensed for part of its term: rows computed by AvailsRows and written by the
 * streaming .xlsx writer, titles generated one at a time (never all in memory). Baseline in the same
 * run: the same rows written as CSV text. Prints time, rows, file size and peak heap of each.
 * The catalogue read from PostgreSQL is not part of it.
 */
public final class AvailsExportBenchmark {

  public static void main(String[] args) throws Exception {
    int titles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    run("warm-up xlsx", Math.min(titles, 500), true);
    Result csv = run("baseline CSV", titles, false);
    Result xlsx = run("EMA xlsx (SXSSF)", titles, true);
    System.out.printf("ratio xlsx/csv: time %.2f, peak heap %.2f%n", xlsx.millis / (double) Math.max(1, csv.millis),
        xlsx.peakHeap / (double) Math.max(1, csv.peakHeap));
  }

  record Result(long millis, long peakHeap) {}

  private static Result run(String name, int titles, boolean xlsx) throws Exception {
    System.gc();
    resetPeaks();
    Path file = Files.createTempFile("avails-bench-", xlsx ? ".xlsx" : ".csv");
    long[] rows = {0};
    AvailsRows mapping = new AvailsRows();
    Consumer<Consumer<AvailRow>> source = out -> {
      for (int i = 0; i < titles; i++) {
        mapping.rows(title(i), r -> {
          rows[0]++;
          out.accept(r);
        });
      }
    };
    long started = System.nanoTime();
    try (OutputStream out = Files.newOutputStream(file)) {
      if (xlsx) {
        AvailsXlsxWriter.write(source, 1_048_575, out);
      } else {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        source.accept(r -> {
          try {
            w.write(String.join(",", r.cells()));
            w.newLine();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        w.flush();
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    long peak = peakHeap();
    System.out.printf("%-18s %,7d titles %,9d rows %,8d ms  file %,11d bytes  peak heap %,6d MB%n", name, titles,
        rows[0], millis, Files.size(file), peak / (1024 * 1024));
    Files.delete(file);
    return new Result(millis, peak);
  }

  private static CatalogueTitle title(int i) {
    RightsWindow held = new RightsWindow(TerritorySet.of("CN", "HK", "MO", "TW"), MediaSet.parse(List.of("VOD"), "m"),
        LanguageSet.of("zh", "en"), new Term(LocalDate.of(2027, 1, 1), LocalDate.of(2031, 12, 31)));
    Holding holding = new Holding(new HoldingId("h-" + i), held, true, false, "a".repeat(64));
    List<Grant> grants = i % 3 != 0 ? List.of() : List.of(new Grant("c-" + i, new RightsWindow(TerritorySet.of("CN"),
        MediaSet.parse(List.of("SVOD"), "m"), LanguageSet.of("zh"),
        new Term(LocalDate.of(2028, 1, 1), LocalDate.of(2029, 6, 30))), true));
    return new CatalogueTitle(new TitleId("title-" + i), "Bench Pictures", "Bench title " + i, "基准 " + i,
        TitleKind.SERIES, 24, 45, "zh", 2025, List.of(holding), grants);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
