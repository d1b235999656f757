package io.reelx.acceptance.support;

import io.reelx.client.model.CreateListingRequest;
import io.reelx.client.model.HoldingRequest;
import io.reelx.client.model.Media;
import io.reelx.client.model.RegisterTitleRequest;
import io.reelx.client.model.RevenueShare;
import io.reelx.client.model.RevenueShareBasis;
import io.reelx.client.model.RightsWindow;
import io.reelx.client.model.SaleMode;
import io.reelx.client.model.Schedule;
import io.reelx.client.model.SettlementTerms;
import io.reelx.client.model.TitleKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plausible requests, with what a scenario does not mention filled in by sensible defaults. */
public final class Requests {

  private Requests() {}

  public static RegisterTitleRequest title(String name) {
    return new RegisterTitleRequest()
        .name(name)
        .originalName(name)
        .kind(TitleKind.MICRO_DRAMA)
        .episodes(80)
        .minutesPerEpisode(2)
        .originalLanguage("zh")
        .productionYear(2025)
        .synopsis("A courtyard, a full moon and a family secret, in eighty two-minute episodes.");
  }

  public static HoldingRequest holding(boolean exclusive, List<String> media, List<String> territories,
      List<String> languages, LocalDate start, LocalDate end) {
    return new HoldingRequest()
        .territories(territories)
        .media(media.stream().map(Media::fromValue).toList())
        .languages(languages)
        .termStart(start)
        .termEnd(end)
        .exclusive(exclusive)
        .sublicensable(false)
        .evidenceSha256(evidenceSha256())
        .evidenceNote("Production and distribution agreement, signed 2026-03-01");
  }

  /** The SHA-256 (hex) of the chain-of-title document every holding in the scenarios cites. */
  public static String evidenceSha256() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest("Chain of title: production agreement, Mango Pictures".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An English auction of SVOD in CN and HK in Chinese for 2028-2029, starting at 1,000,000.00
   * CNY, with the scenario's own terms (table keys as written in the features) laid over it.
   */
  public static CreateListingRequest englishAuction(String titleId, Map<String, String> terms) {
    OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.HOURS);
    RightsWindow window = new RightsWindow()
        .territories(List.of("CN", "HK"))
        .media(List.of(Media.SVOD))
        .languages(List.of("zh"))
        .termStart(LocalDate.parse("2028-01-01"))
        .termEnd(LocalDate.parse("2029-12-31"))
        .exclusive(false)
        .sublicensable(false);
    CreateListingRequest request = new CreateListingRequest()
        .titleId(titleId)
        .window(window)
        .saleMode(SaleMode.ENGLISH)
        .currency("CNY")
        .startingPrice(100_000_000L)
        .reservePrice(150_000_000L)
        .increment(5_000_000L)
        .deposit(10_000_000L)
        .schedule(new Schedule().biddingStartsAt(opens).biddingEndsAt(opens.plusDays(7)).timedPeriodSeconds(300))
        .signingDays(10)
        .settlementTerms(new SettlementTerms()
            .revenueShare(new RevenueShare().basis(RevenueShareBasis.GROSS).rateBasisPoints(5000L))
            .notes("Monthly revenue reports within 15 days of month end."))
        .description("Exclusive-quality micro-drama, SVOD in mainland China and Hong Kong.");
    terms.forEach((key, value) -> apply(request, key.trim(), value.trim()));
    return request;
  }

  /**
   * The schedule a feature writes for a sale, in seconds: "bidding opens" ("in 3 seconds", counted
   * from the announcement), "free period" or "bidding closes" ("3 seconds" / "3 seconds later",
   * counted from the opening) and "timed period" ("3 seconds", ENGLISH only); and the other terms.
   * The durations are minimums: see {@link Pace}.
   */
  public record SaleSchedule(Duration opensIn, Duration open, Duration timedPeriod, Map<String, String> otherTerms) {

    public static SaleSchedule of(SaleMode mode, Map<String, String> terms) {
      Map<String, String> rest = new LinkedHashMap<>();
      Duration opensIn = Duration.ofSeconds(3);
      Duration open = Duration.ofSeconds(3);
      Duration timedPeriod = mode == SaleMode.ENGLISH ? Duration.ofSeconds(3) : null;
      for (Map.Entry<String, String> term : terms.entrySet()) {
        String key = term.getKey().trim();
        String value = term.getValue().trim();
        switch (key) {
          case "bidding opens" -> opensIn = seconds(value.replaceFirst("^in ", ""));
          case "free period", "bidding closes" -> open = seconds(value.replaceFirst(" later$", ""));
          case "timed period" -> timedPeriod = seconds(value);
          default -> rest.put(key, value);
        }
      }
      return new SaleSchedule(opensIn, open, timedPeriod, rest);
    }
  }

  /**
   * A sale in {@code mode} of the same window as {@link #englishAuction}, with no reserve unless the
   * scenario names one, opening at {@code opens} and open for {@code open} (then the timed period,
   * if any). Other terms as for {@link #englishAuction}.
   */
  public static CreateListingRequest sale(String titleId, SaleMode mode, Map<String, String> otherTerms,
      OffsetDateTime opens, Duration open, Duration timedPeriod) {
    CreateListingRequest request = englishAuction(titleId, Map.of())
        .saleMode(mode)
        .reservePrice(null)
        .increment(mode == SaleMode.ENGLISH ? 5_000_000L : null);
    otherTerms.forEach((key, value) -> apply(request, key, value));
    request.schedule(new Schedule()
        .biddingStartsAt(opens)
        .biddingEndsAt(opens.plus(open))
        .timedPeriodSeconds(timedPeriod == null ? null : Math.toIntExact(timedPeriod.toSeconds())));
    return request;
  }

  /** "3 seconds", "1 second". */
  private static Duration seconds(String value) {
    String[] parts = value.split(" ");
    if (parts.length != 2 || !parts[1].startsWith("second")) {
      throw new IllegalArgumentException("Expected a number of seconds, not '" + value + "'");
    }
    return Duration.ofSeconds(Long.parseLong(parts[0]));
  }

  private static void apply(CreateListingRequest request, String key, String value) {
    switch (key) {
      case "media" -> request.getWindow().media(list(value).stream().map(Media::fromValue).toList());
      case "territories" -> request.getWindow().territories(list(value));
      case "languages" -> request.getWindow().languages(list(value));
      case "exclusive" -> request.getWindow().exclusive(value.equals("yes"));
      case "term" -> {
        String[] days = value.split(" to ");
        request.getWindow().termStart(LocalDate.parse(days[0].trim())).termEnd(LocalDate.parse(days[1].trim()));
      }
      case "starting price" -> {
        String[] amount = value.split(" ");
        request.startingPrice(minor(amount[0]));
        if (amount.length > 1) {
          request.currency(amount[1]);
        }
      }
      case "reserve price" -> request.reservePrice(minor(value));
      case "increment" -> request.increment(value.equals("none") ? null : minor(value));
      case "deposit" -> request.deposit(minor(value));
      default -> throw new IllegalArgumentException("No listing term called '" + key + "'");
    }
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(", ?| and ")).map(String::trim).toList();
  }

  private static long minor(String amount) {
    return new BigDecimal(amount.replace(",", "")).movePointRight(2).longValueExact();
  }
}
