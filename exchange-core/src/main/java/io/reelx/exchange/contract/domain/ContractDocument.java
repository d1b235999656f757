package io.reelx.exchange.contract.domain;

import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.settlement.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical text of a contract, in Chinese and English. Deterministic: it depends on the
 * contract's id and terms only (no clock, no locale, no map order), lines end in LF, and it is
 * hashed as UTF-8. Changing this rendering changes the hash of every unsigned contract, so a
 * change must come with a new {@link #VERSION}.
 */
public final class ContractDocument {

  public static final String VERSION = "reelx-licence/1";
  public static final String MEDIA_TYPE = "text/plain; charset=utf-8";

  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private final String text;
  private final String sha256;

  private ContractDocument(String text) {
    this.text = text;
    this.sha256 = sha256(text);
  }

  public static ContractDocument render(ContractId id, ContractTerms t) {
    StringBuilder out = new StringBuilder(2048);
    line(out, "视听作品版权许可合同 / AUDIOVISUAL RIGHTS LICENCE AGREEMENT");
    line(out, "文本版本 / Form: " + VERSION);
    line(out, "合同编号 / Contract no.: " + id.value());
    line(out, "挂牌编号 / Listing no.: " + t.listingId());
    line(out, "");
    line(out, "第一条 当事人 / 1. Parties");
    line(out, "许可方 / Licensor: " + t.licensor().organizationName() + " (" + t.licensor().organizationId() + ")");
    line(out, "被许可方 / Licensee: " + t.licensee().organizationName() + " (" + t.licensee().organizationId() + ")");
    line(out, "");
    line(out, "第二条 作品 / 2. Work");
    line(out, "作品 / Title: " + t.titleName() + " (" + t.titleId() + ")");
    line(out, "");
    WindowTerms w = t.window();
    line(out, "第三条 许可范围 / 3. Licensed rights");
    line(out, "地域 / Territories: " + String.join(", ", w.territories()));
    line(out, "媒体 / Media: " + String.join(", ", w.media()));
    line(out, "语言 / Languages: " + String.join(", ", w.languages()));
    line(out, "期限 / Term: " + w.termStart() + " 至 / to " + w.termEnd() + " (含 / inclusive)");
    line(out, "独占 / Exclusive: " + yesNo(t.exclusive()));
    line(out, "可转授权 / Sublicensable: " + yesNo(t.sublicensable()));
    line(out, "");
    line(out, "第四条 价款与支付 / 4. Price and payment");
    line(out, "许可费 / Licence price: " + Money.of(t.price(), t.currency()));
    line(out, "已抵作价款的保证金 / Deposit applied: " + Money.of(t.depositApplied(), t.currency()));
    line(out, "应付余额 / Balance due: " + Money.of(t.balanceDue(), t.currency()));
    line(out, "付款期限 / Payment: 合同生效后 " + t.paymentDueDays() + " 日内 / within " + t.paymentDueDays()
        + " days of activation");
    line(out, "");
    line(out, "第五条 结算条款 / 5. Settlement terms");
    settlement(out, t.settlementTerms(), t.currency());
    line(out, "");
    line(out, "第六条 签署 / 6. Signature");
    line(out, "双方须于以下时间前签署 / Both parties must sign before: "
        + DEADLINE.format(t.signingDeadline().atZone(ZoneId.of(t.zone()))));
    line(out, "逾期未签署的，本合同失效；被许可方未签署的，其保证金不予退还。");
    line(out, "Unsigned at the deadline, this agreement lapses; if the licensee has not signed, its deposit is forfeited.");
    line(out, "双方以提交本文本 SHA-256 摘要的方式电子签署 / Each party signs electronically by submitting this text's SHA-256.");
    return new ContractDocument(out.toString());
  }

  private static void settlement(StringBuilder out, ListingSettlementTerms s, String currency) {
    if (s == null) {
      line(out, "无 / None");
      return;
    }
    if (s.licenceFee() != null) {
      boolean each = "EACH_PERIOD".equals(s.licenceFeeRecurrence());
      line(out, "固定许可费 / Flat licence fee: " + Money.of(s.licenceFee(), currency)
          + (each ? " 每期 / each period" : " 一次 / once"));
    }
    if (s.minimumGuarantee() != null) {
      line(out, "保底金 / Minimum guarantee (recoupable): " + Money.of(s.minimumGuarantee(), currency));
    }
    ListingSettlementTerms.Share share = s.revenueShare();
    if (share != null) {
      line(out, "分成基数 / Revenue share basis: " + share.basis()
          + ("GROSS".equals(share.basis()) ? " (总收入)" : " (净收入 / net)"));
      for (ListingSettlementTerms.DeductionShare d : share.deductions()) {
        line(out, "扣除 / Deduction: " + d.name() + " " + d.basisPoints() + " bp");
      }
      if (share.rateBasisPoints() != null) {
        line(out, "分成比例 / Share: " + share.rateBasisPoints() + " bp");
      }
      ListingSettlementTerms.ShareSchedule schedule = share.schedule();
      if (schedule != null) {
        line(out, "阶梯费率 / Rate schedule: " + schedule.metric() + ", " + schedule.mode() + ", "
            + (schedule.accumulation() == null ? "PER_PERIOD" : schedule.accumulation()));
        for (ListingSettlementTerms.TierRate tier : schedule.tiers()) {
          line(out, "  自 / from " + tier.from() + ": " + (tier.basisPoints() != null ? tier.basisPoints() + " bp"
              : tier.minorPerUnit() + " minor units per unit / 每单位最小货币单位"));
        }
      }
    }
    if (s.payees().isEmpty()) {
      line(out, "收款方 / Payees: 许可方 100% / the licensor, 100%");
    } else {
      for (ListingSettlementTerms.PayeeShare p : s.payees()) {
        line(out, "收款方 / Payee: " + p.organizationId() + " " + p.shareBasisPoints() + " bp (" + p.country() + ")");
      }
    }
    if (s.exchangeFeeBasisPoints() != null && s.exchangeFeeBasisPoints() > 0) {
      line(out, "交易服务费 / Exchange service fee: " + s.exchangeFeeBasisPoints() + " bp");
    }
    if (s.withholdingTax() != null) {
      line(out, "预提税 / Withholding tax: " + s.withholdingTax().basisPoints() + " bp outside "
          + s.withholdingTax().payerCountry());
    }
    if ("DISCREPANCY".equals(s.outOfWindowLines())) {
      // refusing them is the default and goes unsaid, so documents signed before read as they did
      line(out, "许可范围外的收入报告行 / Report lines outside the licensed territories or media: 接受并记录差异 / accepted,"
          + " recorded as a discrepancy");
    }
    if (s.notes() != null && !s.notes().isBlank()) {
      line(out, "其他 / Notes: " + s.notes().strip().replace("\r\n", "\n").replace('\r', '\n'));
    }
  }

  private static String yesNo(boolean value) {
    return value ? "是 / Yes" : "否 / No";
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append('\n');
  }

  public String text() {
    return text;
  }

  public String sha256() {
    return sha256;
  }

  /** Lower-case hex SHA-256 of {@code text} as UTF-8. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
