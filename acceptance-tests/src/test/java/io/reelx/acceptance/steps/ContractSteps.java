package io.reelx.acceptance.steps;

import static io.reelx.acceptance.support.Calls.expectSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.reelx.acceptance.support.Actor;
import io.reelx.acceptance.support.Auction;
import io.reelx.acceptance.support.RunningExchange;
import io.reelx.acceptance.support.World;
import io.reelx.client.model.AuditEvent;
import io.reelx.client.model.AuditTrail;
import io.reelx.client.model.Contract;
import io.reelx.client.model.ContractDocument;
import io.reelx.client.model.ContractPage;
import io.reelx.client.model.ContractParty;
import io.reelx.client.model.ContractStatus;
import io.reelx.client.model.SignatureRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract of an award, as its parties, outsiders and the operator see it. */
public class ContractSteps {

  private final World world;
  private final AuctionSteps auctions;
  private Contract contract;

  public ContractSteps(World world, AuctionSteps auctions) {
    this.world = world;
    this.auctions = auctions;
  }

  /** The contract of the scenario's award, as first read (for other steps to address it). */
  public Contract contract() {
    return contract;
  }

  // ------------------------------------------------------------------ arranged

  @Given("{actor} has bought {string} {exclusivity}: {list} in {list}, languages {list}, from {date} to {date}, at {amount} {word} with a deposit of {amount}")
  public void hasBought(Actor platform, String title, Boolean exclusive, List<String> media,
      List<String> territories, List<String> languages, LocalDate start, LocalDate end, Long price, String currency,
      Long deposit) {
    Actor holder = world.memberOf(world.title(title).getOwnerOrganizationId());
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put("media", String.join(", ", media));
    terms.put("territories", String.join(", ", territories));
    terms.put("languages", String.join(", ", languages));
    terms.put("term", start + " to " + end);
    terms.put("exclusive", exclusive ? "yes" : "no");
    terms.put("starting price", decimal(price) + " " + currency);
    terms.put("deposit", decimal(deposit));
    terms.put("bidding opens", "in 2 seconds");
    terms.put("bidding closes", "60 seconds later");
    auctions.hasAnnouncedAFixedPriceSale(holder, title, terms);
    auctions.haveQualified(List.of(platform));
    auctions.biddingOpens();
    auctions.buysTheListing(platform);
    contract = await("the contract drafted from the award").atMost(Auction.SLACK)
        .until(() -> contractOfListing(holder), c -> c != null);
  }

  private Contract contractOfListing(Actor reader) {
    ContractPage page = expectSuccess("Listing the contracts of the listing",
        () -> reader.contracts().listContracts(null, null, world.listing().getId(), 0, 20));
    return page.getItems().isEmpty() ? null : page.getItems().get(0);
  }

  // ------------------------------------------------------------------ reading

  @Then("a contract between {string} and {string} awaits both signatures")
  public void aContractAwaitsBothSignatures(String licensor, String licensee) {
    assertThat(contract.getLicensor().getOrganizationId()).isEqualTo(world.organization(licensor).getId());
    assertThat(contract.getLicensor().getOrganizationName()).isEqualTo(world.organization(licensor).getName());
    assertThat(contract.getLicensee().getOrganizationId()).isEqualTo(world.organization(licensee).getId());
    assertThat(contract.getListingId()).isEqualTo(world.listing().getId());
    assertThat(contract.getWindow()).isEqualTo(world.listing().getWindow());
    assertThat(contract.getSigningDeadline()).isAfter(contract.getDraftedAt());
    theContractAwaitsBothSignatures();
  }

  @Then("the contract awaits both signatures")
  public void theContractAwaitsBothSignatures() {
    Contract current = reread();
    assertThat(current.getStatus()).isEqualTo(ContractStatus.AWAITING_SIGNATURES);
    assertThat(current.getLicensor().getSignature()).isNull();
    assertThat(current.getLicensee().getSignature()).isNull();
  }

  @Then("it carries the price {amount} {word}, with the deposit of {amount} applied and {amount} due")
  public void itCarriesThePrice(Long price, String currency, Long deposit, Long due) {
    assertThat(contract.getPrice()).isEqualTo(price);
    assertThat(contract.getCurrency()).isEqualTo(currency);
    assertThat(contract.getDepositApplied()).isEqualTo(deposit);
    assertThat(contract.getBalanceDue()).isEqualTo(due);
    assertThat(contract.getSettlementTerms()).isEqualTo(world.listing().getSettlementTerms());
  }

  @Then("{actor} and {actor} read the same document, in Chinese and English, with its SHA-256")
  public void readTheSameDocument(Actor one, Actor other) throws Exception {
    ContractDocument first = document(one);
    ContractDocument second = document(other);
    assertThat(second).isEqualTo(first);
    String hash = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(first.getText().getBytes(StandardCharsets.UTF_8)));
    assertThat(first.getSha256()).isEqualTo(hash).isEqualTo(contract.getDocumentSha256());
    assertThat(first.getText()).contains("许可方 / Licensor").contains("被许可方 / Licensee")
        .contains(contract.getTitleName());
  }

  @Then("the contract awaits only the licensee's signature")
  public void awaitsOnlyTheLicensee() {
    Contract current = reread();
    assertThat(current.getStatus()).isEqualTo(ContractStatus.AWAITING_SIGNATURES);
    assertThat(current.getLicensor().getSignature()).isNotNull();
    assertThat(current.getLicensee().getSignature()).isNull();
  }

  @Then("the contract is ACTIVE")
  public void theContractIsActive() {
    Contract current = reread();
    assertThat(current.getStatus()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(current.getActivatedAt()).isNotNull();
    assertThat(current.getGrantEndsOn()).isEqualTo(current.getWindow().getTermEnd());
  }

  @Then("both signatures name the signer, the organisation and the hash signed")
  public void bothSignaturesNameTheSigner() {
    Contract current = reread();
    for (var party : List.of(current.getLicensor(), current.getLicensee())) {
      assertThat(party.getSignature().getOrganizationId()).isEqualTo(party.getOrganizationId());
      assertThat(party.getSignature().getSha256()).isEqualTo(current.getDocumentSha256());
      assertThat(party.getSignature().getSignerUserId()).isNotBlank();
      assertThat(party.getSignature().getSignedAt()).isNotNull();
    }
  }

  @Then("{actor} and {actor} find the contract among their own, and {actor} does not see it")
  public void findTheContractAmongTheirOwn(Actor licensor, Actor licensee, Actor outsider) {
    assertThat(ids(licensor, ContractParty.LICENSOR)).contains(contract.getId());
    assertThat(ids(licensor, ContractParty.LICENSEE)).doesNotContain(contract.getId());
    assertThat(ids(licensee, ContractParty.LICENSEE)).contains(contract.getId());
    assertThat(ids(outsider, null)).doesNotContain(contract.getId());
    assertThat(world.attempt(() -> outsider.contracts().getContract(contract.getId())).status()).isEqualTo(404);
    assertThat(world.attempt(() -> outsider.contracts().getContractDocument(contract.getId())).status())
        .isEqualTo(404);
  }

  private List<String> ids(Actor reader, ContractParty role) {
    return expectSuccess("Listing contracts", () -> reader.contracts().listContracts(role, null, null, 0, 200))
        .getItems().stream().map(Contract::getId).toList();
  }

  // ------------------------------------------------------------------ signing

  @When("{actor} signs the contract")
  public void signsTheContract(Actor party) {
    String sha256 = document(party).getSha256();
    Contract signed = expectSuccess(party + " signing the contract at " + java.time.OffsetDateTime.now()
            + " (signing deadline " + contract.getSigningDeadline() + ")",
        () -> party.contracts().signContract(contract.getId(), new SignatureRequest().sha256(sha256)));
    assertThat(signed.getDocumentSha256()).isEqualTo(sha256);
  }

  @When("{actor} signs the contract with the hash of a tampered document")
  public void signsWithATamperedHash(Actor party) throws Exception {
    String tampered = document(party).getText() + "附加条款 / Additional clause: the licence fee is waived.\n";
    String sha256 = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(tampered.getBytes(StandardCharsets.UTF_8)));
    world.attempt(() -> party.contracts().signContract(contract.getId(), new SignatureRequest().sha256(sha256)));
  }

  @When("{actor} tries to sign the contract( again)")
  public void triesToSign(Actor party) {
    world.attempt(() -> party.contracts().signContract(contract.getId(),
        new SignatureRequest().sha256(contract.getDocumentSha256())));
  }

  // ------------------------------------------------------------------ the deadline

  @When("the signing deadline passes")
  public void theSigningDeadlinePasses() {
    Duration atMost = Auction.until(contract.getSigningDeadline()).plus(Auction.SLACK);
    await("the contract lapses").atMost(atMost.plus(RunningExchange.SIGNING_PERIOD))
        .until(this::reread, c -> c.getStatus() != ContractStatus.AWAITING_SIGNATURES);
  }

  @Then("the contract is LAPSED because the licensee did not sign")
  public void theContractLapsed() {
    Contract current = reread();
    assertThat(current.getStatus()).isEqualTo(ContractStatus.LAPSED);
    assertThat(current.getEndedAt()).isEqualTo(current.getSigningDeadline());
    assertThat(current.getEndReason()).contains("licensee").doesNotContain("licensor");
    assertThat(current.getGrantEndsOn()).isNull();
  }

  @Then("the audit trail of the contract shows the deposit of {amount} {word} of {string} forfeited to {string}")
  public void theDepositIsForfeited(Long amount, String currency, String platform, String holder) {
    AuditTrail trail = expectSuccess("Reading the contract's audit trail",
        () -> world.operator().audit().getAuditTrail(contract.getId()));
    assertThat(trail.getAggregateType()).isEqualTo("Contract");
    List<AuditEvent> forfeits = trail.getEvents().stream()
        .filter(e -> e.getEventType().equals("DepositForfeited")).toList();
    assertThat(forfeits).hasSize(1);
    Map<String, Object> payload = forfeits.get(0).getPayload();
    assertThat(((Number) payload.get("amount")).longValue()).isEqualTo(amount);
    assertThat(payload.get("currency")).isEqualTo(currency);
    assertThat(payload.get("organizationId")).isEqualTo(world.organization(platform).getId());
    assertThat(payload.get("beneficiaryOrganizationId")).isEqualTo(world.organization(holder).getId());
  }

  @Then("{actor} can offer the same window again")
  public void canOfferTheSameWindowAgain(Actor holder) {
    io.reelx.client.model.Listing previous = world.listing();
    io.reelx.client.model.CreateListingRequest request =
        io.reelx.acceptance.support.Requests.englishAuction(previous.getTitleId(), Map.of())
            .window(previous.getWindow());
    io.reelx.client.model.Listing relisted = expectSuccess(holder + " offering the window again",
        () -> holder.listings().createListing(request));
    io.reelx.client.model.Listing submitted = expectSuccess(holder + " submitting it",
        () -> holder.listings().submitListing(relisted.getId(), null));
    assertThat(submitted.getStatus()).isEqualTo(io.reelx.client.model.ListingStatus.SUBMITTED);
    assertThat(submitted.getWindow()).isEqualTo(previous.getWindow());
  }

  private ContractDocument document(Actor reader) {
    return expectSuccess(reader + " reading the contract document",
        () -> reader.contracts().getContractDocument(contract.getId()));
  }

  private Contract reread() {
    return expectSuccess("Reading the contract", () -> world.operator().contracts().getContract(contract.getId()));
  }

  private static String decimal(long minor) {
    return BigDecimal.valueOf(minor).movePointLeft(2).toPlainString();
  }
}
