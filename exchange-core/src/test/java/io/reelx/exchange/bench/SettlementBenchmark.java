package io.reelx.exchange.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.reelx.settlement.agreement.domain.OpenAgreement;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.agreement.application.AgreementProjection;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.fx.application.FxService;
import io.reelx.settlement.ledger.application.DepositService;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import io.reelx.settlement.report.application.ReportService;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.ledger.query.JdbcLedger;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Deduction;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.WithholdingTax;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rerunnable settlement benchmark (run with {@code ops/bench/settlement.sh}): a fresh embedded
 * PostgreSQL with fsync on, the exchange's Flyway schema, and settlement's real persistence path
 * ({@link AgreementService}, {@link ReportService}, {@link JdbcLedger}). It opens one agreement per contract (MG, NET with
 * deductions, three marginal tiers, three payees, exchange fee, withholding), then streams one
 * generated CSV report per contract through {@code CsvReportReader} into a statement and its
 * ledger postings, each contract in one transaction. Reports are generated while read: no report
 * is ever held in memory. Prints elapsed time, lines/s, statements, transfers and peak heap.
 *
 * <p>Arguments: {@code contracts=1000 lines=1000 threads=2 fsync=on}.
 */
public final class SettlementBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>(Map.of("contracts", "1000", "lines", "1000", "threads", "2", "fsync", "on"));
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      options.put(kv[0], kv[1]);
    }
    int contracts = Integer.parseInt(options.get("contracts"));
    int lines = Integer.parseInt(options.get("lines"));
    int threads = Integer.parseInt(options.get("threads"));
    String fsync = options.get("fsync");

    Path data = Files.createTempDirectory("reelx-settlement-bench-");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
        .setServerConfig("fsync", fsync).setServerConfig("synchronous_commit", fsync).start()) {
      HikariConfig pool = new HikariConfig();
      pool.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
      pool.setMaximumPoolSize(threads + 2);
      try (HikariDataSource dataSource = new HikariDataSource(pool)) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        Clock clock = Clock.systemUTC();
        JdbcLedger ledger = new JdbcLedger(jdbc, tx, clock);
        AgreementProjection projection = new AgreementProjection(jdbc, ledger, new DepositService(jdbc, tx, ledger), clock);
        AgreementService agreements = new AgreementService(jdbc, tx, projection, clock);
        StatementService statementService = new StatementService(jdbc);
        ReportService reports = new ReportService(jdbc, tx, ledger, clock, agreements, projection, statementService,
            new FxService(jdbc, tx, clock), new ReconciliationService(jdbc, tx, ledger, clock, agreements, statementService));

        System.out.printf("settlement benchmark: %d contracts x %d lines, %d threads, fsync %s, %d cores, max heap %d MB%n",
            contracts, lines, threads, fsync, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long openStart = System.nanoTime();
        parallel(threads, contracts, c -> agreements.open(agreement(c)));
        System.out.printf("opened %d agreements (price + MG invoices posted) in %.1f s%n", contracts, seconds(openStart));

        System.gc();
        resetPeakHeap();
        AtomicLong accepted = new AtomicLong();
        long start = System.nanoTime();
        parallel(threads, contracts, c -> {
          ReportHeader header = new ReportHeader(contractId(c), "2027-03", null, "CNY", 0L);
          var outcome = reports.submitReport(header, new ReportSource.Csv(new GeneratedReport(c, lines)), "bench");
          accepted.addAndGet(outcome.report().lines());
        });
        double elapsed = seconds(start);
        long statements = jdbc.queryForObject("SELECT count(*) FROM settlement_statement", Long.class);
        long transfers = ledger.transferCount();
        boolean balanced = ledger.trialBalance().netsToZero();
        System.out.printf("reports: %,d lines -> %,d statements, %,d ledger transfers in total, in %.1f s: %,.0f lines/s%n",
            accepted.get(), statements, transfers, elapsed, accepted.get() / elapsed);
        System.out.printf("peak heap during reports: %d MB; trial balance nets to zero: %s%n", peakHeap() >> 20, balanced);
        if (accepted.get() != (long) contracts * lines || statements != contracts || !balanced) {
          throw new IllegalStateException("benchmark result is wrong");
        }
      }
    }
  }

  interface Work {
    void run(int contract) throws Exception;
  }

  private static void parallel(int threads, int contracts, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        for (int c = next.getAndIncrement(); c < contracts; c = next.getAndIncrement()) {
          work.run(c);
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private static String contractId(int c) {
    return "bench-contract-" + c;
  }

  private static OpenAgreement agreement(int c) {
    String licensor = "bench-studio-" + (c % 50);
    SettlementTerms terms = new SettlementTerms("CNY", null, new MinimumGuarantee(5_000_000),
        new RevenueShare(Basis.NET, List.of(new Deduction("app-store", 3000), new Deduction("vat", 600)),
            new RateSchedule(Metric.REVENUE, TierMode.MARGINAL, Accumulation.CUMULATIVE, List.of(
                Tier.from("0", Rate.percent(3000)), Tier.from("20000000", Rate.percent(4000)),
                Tier.from("50000000", Rate.percent(12000))))),
        List.of(new Payee(new OrganizationId(licensor), 6000, "CN"), new Payee(new OrganizationId("bench-coproducer-" + (c % 7)), 3000, "CN"),
            new Payee(new OrganizationId("bench-author-" + (c % 13)), 1000, "US")),
        150, new WithholdingTax(1000, "CN"), 0);
    return new OpenAgreement(contractId(c), "bench-listing-" + c, "CNY", licensor, "bench-platform-" + (c % 20), terms, 80_000_000,
        LocalDate.parse("2027-01-31"), Instant.parse("2027-01-01T00:00:00Z"));
  }

  /** A report CSV written as it is read: the header, then {@code lines} deterministic lines. */
  static final class GeneratedReport extends Reader {
    private final int contract;
    private final int lines;
    private final StringBuilder buffer = new StringBuilder(128);
    private int line = -1;
    private int position;

    GeneratedReport(int contract, int lines) {
      this.contract = contract;
      this.lines = lines;
    }

    private boolean refill() {
      if (line >= lines) {
        return false;
      }
      buffer.setLength(0);
      position = 0;
      if (line < 0) {
        buffer.append("episode,territory,channel,views,watch_hours,gross_minor,currency\n");
      } else {
        int n = line;
        long views = 1_000L + (n * 7_919L + contract * 104_729L) % 90_000;
        buffer.append("S01E").append(n % 40 + 1).append(',').append(n % 3 == 0 ? "HK" : "CN").append(',')
            .append(n % 2 == 0 ? "SVOD" : "SHORT_VIDEO_APP").append(',').append(views).append(',')
            .append(views / 4).append('.').append(n % 1000).append(',').append(views * 13 + n % 97).append(",CNY\n");
      }
      line++;
      return true;
    }

    @Override
    public int read(char[] target, int offset, int length) {
      if (position >= buffer.length() && !refill()) {
        return -1;
      }
      int n = Math.min(length, buffer.length() - position);
      buffer.getChars(position, position + n, target, offset);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void resetPeakHeap() {
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
