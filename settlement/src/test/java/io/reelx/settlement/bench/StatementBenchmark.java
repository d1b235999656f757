package io.reelx.settlement.bench;

import io.reelx.settlement.ledger.domain.AccountId;
import io.reelx.settlement.ledger.domain.AccountKind;
import io.reelx.settlement.ledger.domain.Ledger;
import io.reelx.settlement.ledger.domain.PostingPlan;
import io.reelx.settlement.ledger.domain.Transfer;
import io.reelx.settlement.ledger.domain.TransferResult;
import io.reelx.settlement.report.domain.CsvFormat;
import io.reelx.settlement.report.domain.CsvReportReader;
import io.reelx.settlement.report.domain.ReportTotals;
import io.reelx.settlement.report.domain.ValidationOutcome;
import io.reelx.settlement.statement.domain.SettlementPosition;
import io.reelx.settlement.statement.domain.Statement;
import io.reelx.settlement.statement.domain.StatementCalculator;
import io.reelx.settlement.statement.domain.StatementId;
import io.reelx.settlement.terms.domain.Accumulation;
import io.reelx.settlement.terms.domain.Basis;
import io.reelx.settlement.terms.domain.Deduction;
import io.reelx.settlement.terms.domain.FlatFee;
import io.reelx.settlement.terms.domain.Metric;
import io.reelx.settlement.terms.domain.MinimumGuarantee;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Payee;
import io.reelx.settlement.terms.domain.Rate;
import io.reelx.settlement.terms.domain.RateSchedule;
import io.reelx.settlement.terms.domain.RevenueShare;
import io.reelx.settlement.terms.domain.SettlementTerms;
import io.reelx.settlement.terms.domain.Tier;
import io.reelx.settlement.terms.domain.TierMode;
import io.reelx.settlement.terms.domain.WithholdingTax;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Settlement throughput: 1,000 contracts, each with a revenue report of 1,000 CSV lines (1,000,000
 * lines in all), generated on the fly by a {@link Reader} so that no report exists in memory.
 * Every report is parsed, validated, totalled, turned into a statement and posted to one ledger.
 *
 * <pre>
 * ./mvnw -q -o -B -pl settlement test-compile
 * java -Xmx256m -cp settlement/target/classes:settlement/target/test-classes io.reelx.settlement.bench.StatementBenchmark [contracts] [linesPerContract]
 * </pre>
 */
public final class StatementBenchmark {

  private static final String[] TERRITORIES = {"CN", "HK", "TW", "SG", "MY", "US", "JP", "KR"};
  private static final String[] CHANNELS = {"SVOD", "AVOD", "TVOD", "FAST", "SHORT_VIDEO_APP"};

  public static void main(String[] args) {
    int contracts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int linesPerContract = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    HeapWatch heap = new HeapWatch();
    Ledger ledger = new Ledger();
    OrganizationId platform = new OrganizationId("platform");
    long lines = 0;
    long transfers = 0;
    long payable = 0;
    long start = System.nanoTime();
    for (int c = 0; c < contracts; c++) {
      SettlementTerms terms = terms(c);
      ReportTotals totals = new ReportTotals("CNY");
      ValidationOutcome outcome = new CsvReportReader("CNY").read(new GeneratedReport(c, linesPerContract), totals);
      if (!outcome.isValid()) {
        throw new IllegalStateException("contract " + c + ": " + outcome.errors());
      }
      lines += outcome.lines();
      Statement statement = StatementCalculator.calculate(new StatementId("C-" + c, "2026-10", 1), terms, totals.toSummary(),
          SettlementPosition.INITIAL, null);
      List<Transfer> plan = PostingPlan.forStatement(statement, platform);
      PostingPlan.accounts(plan).forEach(ledger::open);
      for (TransferResult result : ledger.submitAll(plan)) {
        if (!result.isRecorded()) {
          throw new IllegalStateException("refused: " + result);
        }
      }
      transfers += plan.size();
      payable += statement.payable().minor();
      heap.sample();
    }
    long elapsedNanos = System.nanoTime() - start;
    if (!ledger.trialBalance().netsToZero()) {
      throw new IllegalStateException("trial balance does not net to zero");
    }
    long platformOwes = -ledger.balance(AccountId.organization(platform, "CNY")).postedCreditBalance();
    if (platformOwes != payable) {
      throw new IllegalStateException("ledger says " + platformOwes + ", statements say " + payable);
    }
    long millis = elapsedNanos / 1_000_000;
    System.out.printf("contracts           %,d%n", contracts);
    System.out.printf("lines               %,d%n", lines);
    System.out.printf("statements          %,d%n", contracts);
    System.out.printf("ledger transfers    %,d (trial balance nets to zero; fees %,d minor)%n", transfers,
        ledger.balance(AccountId.system(AccountKind.EXCHANGE_FEES, "CNY")).postedCreditBalance());
    System.out.printf("elapsed             %,d ms%n", millis);
    System.out.printf("throughput          %,d lines/s%n", millis == 0 ? lines : lines * 1000 / millis);
    System.out.printf("max heap            %,d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("peak heap (sampled) %,d MiB used after a report%n", heap.maxUsed >> 20);
    System.out.printf("peak heap (pools)   %,d MiB summed over heap pool peaks%n", heap.poolPeaks() >> 20);
    System.out.printf("live heap after GC  %,d KiB at most (what survives a collection)%n", heap.maxLiveAfterGc >> 10);
  }

  /** A mix of the published schemes, chosen by contract number. */
  static SettlementTerms terms(int c) {
    List<Payee> payees = switch (c % 3) {
      case 0 -> List.of(new Payee(new OrganizationId("studio-" + c), 10_000, "CN"));
      case 1 -> List.of(new Payee(new OrganizationId("studio-" + c), 7_000, "CN"), new Payee(new OrganizationId("author-" + c), 3_000, "US"));
      default -> List.of(new Payee(new OrganizationId("a-" + c), 3_334, "CN"), new Payee(new OrganizationId("b-" + c), 3_333, "HK"),
          new Payee(new OrganizationId("c-" + c), 3_333, "CN"));
    };
    RevenueShare share = switch (c % 5) {
      case 0 -> new RevenueShare(Basis.GROSS, List.of(), RateSchedule.flat(Metric.REVENUE, Rate.percent(3_500)));
      case 1 -> new RevenueShare(Basis.NET, List.of(new Deduction("app-store", 3_000), new Deduction("vat", 600)),
          RateSchedule.flat(Metric.REVENUE, Rate.percent(5_000)));
      case 2 -> new RevenueShare(Basis.GROSS, List.of(), new RateSchedule(Metric.VIEWS, TierMode.MARGINAL, Accumulation.CUMULATIVE,
          List.of(Tier.from("0", Rate.perUnit("0.2")), Tier.from("1000000", Rate.perUnit("0.3")), Tier.from("10000000", Rate.perUnit("0.45")))));
      case 3 -> new RevenueShare(Basis.GROSS, List.of(), new RateSchedule(Metric.WATCH_HOURS, TierMode.STEP, Accumulation.PER_PERIOD,
          List.of(Tier.from("0", Rate.perUnit("8")), Tier.from("100000", Rate.perUnit("12.5")))));
      default -> new RevenueShare(Basis.NET, List.of(new Deduction("app-store", 3_000)), new RateSchedule(Metric.VIEWS, TierMode.STEP,
          Accumulation.PER_PERIOD, List.of(Tier.from("0", Rate.percent(10_000)), Tier.from("5000000", Rate.percent(12_000)))));
    };
    FlatFee fee = c % 7 == 0 ? new FlatFee(5_000_000, FlatFee.Recurrence.ONCE) : null;
    MinimumGuarantee mg = c % 4 == 0 ? new MinimumGuarantee(2_000_000) : null;
    return new SettlementTerms("CNY", fee, mg, share, payees, 150, c % 2 == 0 ? new WithholdingTax(1_000, "CN") : null, 0);
  }

  /** Produces one report's CSV text line by line, on demand: memory holds one line at a time. */
  static final class GeneratedReport extends Reader {
    private final SplittableRandom random;
    private final int lines;
    private final StringBuilder line = new StringBuilder(128);
    private int produced = -1; // -1: the header is next
    private int position;

    GeneratedReport(int contract, int lines) {
      this.random = new SplittableRandom(contract);
      this.lines = lines;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == line.length()) {
        if (!nextLine()) {
          return -1;
        }
      }
      int n = Math.min(length, line.length() - position);
      line.getChars(position, position + n, buffer, offset);
      position += n;
      return n;
    }

    private boolean nextLine() {
      line.setLength(0);
      position = 0;
      if (produced == lines) {
        return false;
      }
      if (produced++ < 0) {
        line.append(CsvFormat.HEADER).append('\n');
        return true;
      }
      int episode = produced % 60 + 1;
      long views = random.nextLong(0, 50_000);
      long milliHours = views * random.nextLong(50, 900);
      line.append("S01E").append(episode < 10 ? "0" : "").append(episode).append(',')
          .append(TERRITORIES[random.nextInt(TERRITORIES.length)]).append(',')
          .append(CHANNELS[random.nextInt(CHANNELS.length)]).append(',')
          .append(views).append(',')
          .append(milliHours / 1000).append('.').append(milliHours % 1000 < 100 ? (milliHours % 1000 < 10 ? "00" : "0") : "").append(milliHours % 1000).append(',')
          .append(views * random.nextLong(1, 40)).append(',')
          .append("CNY\n");
      return true;
    }

    @Override
    public void close() {}
  }

  /** Heap high-water marks: sampled after each report, and the JVM's own per-pool peaks. */
  static final class HeapWatch {
    long maxUsed;
    long maxLiveAfterGc;

    void sample() {
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      maxUsed = Math.max(maxUsed, used);
      long afterGc = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          afterGc += pool.getCollectionUsage().getUsed();
        }
      }
      maxLiveAfterGc = Math.max(maxLiveAfterGc, afterGc);
    }

    long poolPeaks() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum;
    }
  }
}
