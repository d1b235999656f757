package io.reelx.exchange.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.listing.domain.ListingId;
import io.reelx.exchange.listing.domain.ListingSettlementTerms;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractDocumentTest {

  static final ContractId ID = ContractId.forListing(new ListingId("l-1"));

  static ContractTerms terms(long price, ListingSettlementTerms settlement) {
    return new ContractTerms("l-1", "t-1", "长夜 The Long Night", new PartyTerms("org-h", "长夜影业 Long Night Pictures"),
        new PartyTerms("org-p", "Alpha Video"),
        new WindowTerms(List.of("CN", "HK"), List.of("SVOD"), List.of("zh"), LocalDate.parse("2027-01-01"),
            LocalDate.parse("2028-12-31")),
        true, false, price, "CNY", 10_000_00, 15, settlement, Instant.parse("2026-04-03T10:00:00Z"),
        Instant.parse("2026-04-08T16:00:00Z"), "Asia/Shanghai");
  }

  static final ListingSettlementTerms SHARE = ListingSettlementTerms.simple(null, 50_000_00L, "NET", 3_000, "Monthly");

  @Test
  void the_same_contract_always_renders_to_the_same_bytes_and_hash() {
    ContractDocument first = ContractDocument.render(ID, terms(160_000_00, SHARE));
    ContractDocument again = ContractDocument.render(ID, terms(160_000_00, SHARE));
    assertThat(again.text()).isEqualTo(first.text());
    assertThat(again.sha256()).isEqualTo(first.sha256());
  }

  @Test
  void the_hash_is_the_sha256_of_the_text_as_utf8() throws Exception {
    ContractDocument document = ContractDocument.render(ID, terms(160_000_00, SHARE));
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(document.text().getBytes(StandardCharsets.UTF_8)));
    assertThat(document.sha256()).isEqualTo(expected).hasSize(64);
  }

  @Test
  void any_change_of_terms_changes_the_hash() {
    assertThat(ContractDocument.render(ID, terms(160_000_01, SHARE)).sha256())
        .isNotEqualTo(ContractDocument.render(ID, terms(160_000_00, SHARE)).sha256());
    assertThat(ContractDocument.render(ID, terms(160_000_00, null)).sha256())
        .isNotEqualTo(ContractDocument.render(ID, terms(160_000_00, SHARE)).sha256());
  }

  @Test
  void it_reads_in_chinese_and_english_with_exact_amounts_and_the_deadline_in_the_exchanges_zone() {
    String text = ContractDocument.render(ID, terms(160_000_00, SHARE)).text();
    assertThat(text)
        .contains("视听作品版权许可合同 / AUDIOVISUAL RIGHTS LICENCE AGREEMENT")
        .contains("许可方 / Licensor: 长夜影业 Long Night Pictures (org-h)")
        .contains("地域 / Territories: CN, HK")
        .contains("期限 / Term: 2027-01-01 至 / to 2028-12-31")
        .contains("许可费 / Licence price: CNY 160000.00")
        .contains("应付余额 / Balance due: CNY 150000.00")
        .contains("保底金 / Minimum guarantee (recoupable): CNY 50000.00")
        .contains("2026-04-09 00:00:00 +08:00")
        .doesNotContain("\r");
  }
}
