package io.reelx.exchange.demo;

import io.reelx.exchange.contract.command.SignContract;
import io.reelx.exchange.contract.domain.ContractId;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.contract.query.ContractRegister;
import io.reelx.exchange.contract.query.ContractRegister.ContractSearch;
import io.reelx.exchange.contract.query.ContractView;
import io.reelx.exchange.listing.command.ApproveListing;
import io.reelx.exchange.listing.command.BuyListing;
import io.reelx.exchange.listing.command.SubmitListing;
import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.listing.domain.SaleMode;
import io.reelx.exchange.listing.domain.SaleTerms;
import io.reelx.exchange.listing.domain.Schedule;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.ListingViews.ListingSearch;
import io.reelx.settlement.application.Records.InvoiceRecord;
import io.reelx.settlement.application.Records.ReportHeader;
import io.reelx.settlement.application.Records.ReportSource;
import io.reelx.settlement.agreement.application.AgreementService;
import io.reelx.settlement.statement.application.StatementService;
import io.reelx.settlement.reconciliation.application.ReconciliationService;
import io.reelx.settlement.report.application.ReportService;
import io.reelx.settlement.report.domain.ReportLineInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's licence in force: a fixed-price sale of "Ninety Seconds to Love" for Japan bought by
 * Lychee Shorts and signed by both parties (ACTIVE), whose settlement agreement (40% of gross
 * revenue, USD) has two months of revenue reports and statements, each invoice paid. The first
 * month reconciles cleanly; in the second the platform declared less than the exchange computed,
 * so reconciliation left a discrepancy open for finance to resolve. Seeded once (also into a
 * demo data directory from before it existed).
 */
@Component
@Profile("demo")
public class DemoSettlement {

  static final String DESCRIPTION = "Demo licence in force";
  private static final Duration PROCESSING = Duration.ofSeconds(60);

  private final CommandGateway commands;
  private final DemoSales sales;
  private final ContractRegister contracts;
  private final ListingViews listings;
  private final AgreementService agreements;
  private final StatementService statements;
  private final ReconciliationService reconciliation;
  private final ReportService reports;
  private final Clock clock;

  public DemoSettlement(CommandGateway commands, DemoSales sales, ContractRegister contracts, ListingViews listings,
      AgreementService agreements, StatementService statements, ReconciliationService reconciliation, ReportService reports, Clock clock) {
    this.listings = listings;
    this.commands = commands;
    this.sales = sales;
    this.contracts = contracts;
    this.agreements = agreements;
    this.statements = statements;
    this.reconciliation = reconciliation;
    this.reports = reports;
    this.clock = clock;
  }

  /** Whether the licence was seeded already (by its listing: a failed seed is not tried again). */
  boolean present(DemoSeeder.Cast cast) {
    return listings.search(new ListingSearch(cast.holder().organizationId(), false, null, cast.sprint().value(), null,
        null), 0, 200).items().stream().anyMatch(v -> DESCRIPTION.equals(v.description()));
  }

  /** Returns the contract's id. */
  String seed(DemoSeeder.Cast cast, LocalDate today) {
    YearMonth thisMonth = YearMonth.from(today);
    YearMonth first = thisMonth.minusMonths(2);
    YearMonth second = thisMonth.minusMonths(1);
    Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(sales.opensAfter());
    SaleTerms sale = new SaleTerms(SaleMode.FIXED_PRICE, "USD", 40_000_00L, null, null, 4_000_00L);
    ListingId listing = sales.listing(cast.holder(), cast.sprint(), List.of("JP"), first.atDay(1),
        first.atDay(1).plusYears(2).minusDays(1), true, sale, new Schedule(start, start.plus(Duration.ofDays(1)), null),
        ListingSettlementTerms.simple(null, null, "GROSS", 4000, "40% of gross revenue"), DESCRIPTION);
    commands.sendAndWait(new SubmitListing(listing, cast.holder(), null));
    commands.sendAndWait(new ApproveListing(listing, cast.operator(), null));
    sales.qualify(listing, sale, cast.lychee(), cast);
    await("bidding on the demo licence's sale to open", () -> clock.instant().isAfter(start) ? Optional.of(true)
        : Optional.empty());
    commands.sendAndWait(new BuyListing(listing, cast.lychee(), null));

    ContractView drafted = await("the demo licence's contract to be drafted", () -> contracts.search(
        new ContractSearch(cast.holder().organizationId(), true, null, null, listing.value()), 0, 1)
        .items().stream().findFirst());
    ContractId contract = new ContractId(drafted.id());
    commands.sendAndWait(new SignContract(contract, cast.holder().organizationId(), cast.holder().userId(),
        drafted.documentSha256()));
    commands.sendAndWait(new SignContract(contract, cast.lychee().organizationId(), cast.lychee().userId(),
        drafted.documentSha256()));
    await("the demo licence to be ACTIVE", () -> contracts.find(drafted.id())
        .filter(c -> c.status() == ContractStatus.ACTIVE));
    await("the demo licence's settlement agreement to open", () -> agreements.agreement(drafted.id()));

    // 40% of gross: 20,000.00 -> 8,000.00 payable, declared exactly; 25,000.00 -> 10,000.00, declared 9,500.00
    report(drafted.id(), first, 2_000_000L, 800_000L, cast);
    report(drafted.id(), second, 2_500_000L, 950_000L, cast);
    for (YearMonth period : List.of(first, second)) {
      for (InvoiceRecord invoice : statements.invoices(drafted.id())) {
        if (invoice.period() != null && invoice.period().equals(period.toString())) {
          reconciliation.recordReceipt("demo-receipt-" + invoice.number(), invoice.counterparty(), invoice.amount(),
              invoice.currency(), "DEMO-BANK-" + period, invoice.number(), null, period.plusMonths(1).atDay(10),
              cast.finance().userId());
        }
      }
      reconciliation.reconcile(period.toString());
    }
    return drafted.id();
  }

  private void report(String contract, YearMonth period, long gross, long declared, DemoSeeder.Cast cast) {
    List<ReportLineInput> lines = List.of(
        new ReportLineInput("S01E01", "JP", "SVOD", "120000", "4000.5", Long.toString(gross * 3 / 5), "USD"),
        new ReportLineInput("S01E02", "JP", "AVOD", "95000", "3100.25", Long.toString(gross - gross * 3 / 5), "USD"));
    reports.submitReport(new ReportHeader(contract, period.toString(), null, "USD", declared),
        new ReportSource.Lines(lines), cast.lychee().userId());
  }

  /** Waits for what a processor does after a command, with a generous bound. */
  private static <T> T await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + PROCESSING.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Gave up waiting for " + what + " after " + PROCESSING);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted waiting for " + what, e);
      }
    }
  }
}
