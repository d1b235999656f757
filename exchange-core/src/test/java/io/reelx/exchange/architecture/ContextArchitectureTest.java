package io.reelx.exchange.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contexts of exchange-core do not tangle ({@link HouseRules}): no loops, each context uses
 * only what it names, domain packages are an allow-list, command packages hold no Shiro, Jackson or
 * JDBC, and no context's web layer reaches into another's. Every rule also runs over planted
 * offenders ({@code architecture.planted}) and must report each of them, and nothing else.
 *
 * <p>ArchUnit reads class files, so it cannot see a constant another class inlined (a processing
 * group name in an annotation): an import kept only for a constant escapes these rules.
 */
class ContextArchitectureTest {

  private static final String PLANTED_ROOT = "io.reelx.exchange.architecture.planted";

  private static final JavaClasses MAIN = ArchitectureTest.importMain("io.reelx.exchange");
  private static final JavaClasses PLANTED =
      ArchitectureTest.withoutResolving(() -> new ClassFileImporter().importPackages(PLANTED_ROOT));

  private static final HouseRules HOUSE = new HouseRules("io.reelx.exchange");
  private static final HouseRules PLANTED_HOUSE = new HouseRules(PLANTED_ROOT);

  // ---- the house, over the main classes --------------------------------------------------------

  @Test
  void contexts_are_free_of_cycles() {
    HOUSE.contextsFreeOfCycles.check(MAIN);
  }

  @Test
  void shared_uses_nothing_of_the_contexts_nor_settlement() {
    HOUSE.shared.check(MAIN);
  }

  @Test
  void eventstore_uses_only_shared() {
    HOUSE.eventstore.check(MAIN);
  }

  @Test
  void identity_uses_only_shared() {
    HOUSE.identity.check(MAIN);
  }

  @Test
  void audit_uses_only_identity_and_shared() {
    HOUSE.audit.check(MAIN);
  }

  @Test
  void rights_uses_only_identity_and_shared() {
    HOUSE.rights.check(MAIN);
  }

  @Test
  void listing_uses_only_rights_identity_shared_and_settlement() {
    HOUSE.listing.check(MAIN);
  }

  @Test
  void contract_uses_only_listing_rights_identity_shared_and_settlement() {
    HOUSE.contract.check(MAIN);
  }

  @Test
  void finance_uses_only_contract_listing_rights_identity_shared_and_settlement() {
    HOUSE.finance.check(MAIN);
  }

  @Test
  void operations_uses_only_what_it_watches() {
    HOUSE.operations.check(MAIN);
  }

  @Test
  void demo_uses_only_the_contexts_it_seeds() {
    HOUSE.demo.check(MAIN);
  }

  @Test
  void the_web_workspace_uses_the_business_contexts_and_never_config_demo_or_operations() {
    HOUSE.web.check(MAIN);
  }

  @Test
  void config_wires_the_contexts_but_never_the_web_workspace_demo_or_operations() {
    HOUSE.config.check(MAIN);
  }

  @Test
  void domain_packages_use_only_the_jdk_the_shared_kernel_and_domain_packages() {
    HOUSE.domainIsAnAllowList.check(MAIN);
  }

  @Test
  void command_packages_use_no_shiro_jackson_or_jdbc() {
    HOUSE.commandFreeOfShiroJacksonAndJdbc.check(MAIN);
  }

  @Test
  void no_context_web_layer_uses_another_contexts() {
    HOUSE.webLayersApart.check(MAIN);
  }

  /** An exception that is no longer needed is taken off the list, so the list only shrinks. */
  @Test
  void every_command_exception_still_needs_its_exception() {
    for (String name : HouseRules.COMMAND_EXCEPTIONS) {
      JavaClass exempt = MAIN.get("io.reelx.exchange." + name);
      assertThat(exempt.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
          .map(JavaClass::getPackageName)
          .anyMatch(p -> p.startsWith("org.apache.shiro") || p.startsWith("tools.jackson")
              || p.startsWith("com.fasterxml.jackson") || p.startsWith("java.sql") || p.startsWith("javax.sql")
              || p.startsWith("org.springframework.jdbc")))
          .as("%s no longer uses Shiro, Jackson or JDBC: take it off HouseRules.COMMAND_EXCEPTIONS", name)
          .isTrue();
    }
  }

  /**
   * What ArchUnit cannot see: a reference kept only for a constant the compiler inlined (a processing
   * group's name in an annotation). The sources name only contexts their context may use.
   */
  @Test
  void no_source_names_a_context_its_context_may_not_use() throws IOException {
    Path sources = Path.of("src/main/java/io/reelx/exchange");
    assertThat(sources).isDirectory();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        found.addAll(namedOutsideItsAllowList(Files.readString(file)));
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void the_source_check_reports_a_group_name_taken_from_config_and_passes_one_from_shared() {
    String planted = """
        package io.reelx.exchange.listing.query;

        import io.reelx.exchange.config.AxonConfiguration;
        import io.reelx.exchange.rights.domain.TitleId;

        /** Comments may name any context: io.reelx.exchange.web.PageFilter. */
        @ProcessingGroup(AxonConfiguration.LISTING_VIEW)
        class Offender {}
        """;
    assertThat(namedOutsideItsAllowList(planted)).singleElement().asString()
        .contains("listing", "io.reelx.exchange.config.");
    assertThat(namedOutsideItsAllowList(planted.replace("io.reelx.exchange.config.AxonConfiguration",
        "io.reelx.exchange.shared.command.Registers"))).isEmpty();
    assertThat(namedOutsideItsAllowList("package io.reelx.exchange.shared.web;\nimport io.reelx.settlement.money.Money;"))
        .singleElement().asString().contains("io.reelx.settlement.");
  }

  private static final Pattern PACKAGE = Pattern.compile("^package io\\.reelx\\.exchange\\.(\\w+)[.;]", Pattern.MULTILINE);
  private static final Pattern NAMED = Pattern.compile("\\bio\\.reelx\\.(?:exchange\\.([a-z]\\w*)|(settlement))\\.");

  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /** The contexts (and settlement) a source file's code (comments aside) names outside its context's allow-list. */
  static List<String> namedOutsideItsAllowList(String text) {
    String source = COMMENT.matcher(text).replaceAll(" ");
    Matcher pkg = PACKAGE.matcher(source);
    if (!pkg.find()) {
      return List.of();
    }
    String context = pkg.group(1);
    List<String> allowed = HouseRules.MAY_USE.getOrDefault(context, List.of());
    List<String> found = new ArrayList<>();
    Matcher named = NAMED.matcher(source.substring(pkg.end()));
    while (named.find()) {
      String other = named.group(1) != null ? named.group(1) : HouseRules.SETTLEMENT;
      if (!other.equals(context) && !allowed.contains(other)) {
        found.add(context + " names " + named.group() + " (" + source.substring(0, pkg.end()).strip() + ")");
      }
    }
    return found;
  }

  // ---- each rule fails on a planted offender, and only on it -----------------------------------

  @Test
  void the_planted_classes_are_imported() {
    assertThat(PLANTED.contain(PLANTED_ROOT + ".rights.query.ReadsContractEvents")).isTrue();
    assertThat(PLANTED.contain(PLANTED_ROOT + ".contract.web.UsesListingWeb")).isTrue();
    assertThat(MAIN.contain(PLANTED_ROOT + ".rights.query.ReadsContractEvents")).as("planted classes are test classes").isFalse();
  }

  @Test
  void the_cycle_check_reports_rights_reading_contract_events() {
    assertThat(report(PLANTED_HOUSE.contextsFreeOfCycles))
        .contains("Cycle detected", "Slice contract", "Slice rights", "ReadsContractEvents");
  }

  @Test
  void the_rights_rule_reports_rights_reading_contract_events_and_contract_may_use_rights() {
    assertThat(report(PLANTED_HOUSE.rights)).contains("ReadsContractEvents").contains("contract.domain.Signed");
    assertThat(PLANTED_HOUSE.contract.evaluate(PLANTED).hasViolation()).isFalse();
  }

  @Test
  void the_shared_rule_reports_a_settlement_type_in_the_shared_kernel() {
    assertThat(violations(PLANTED_HOUSE.shared)).isNotEmpty()
        .allMatch(v -> v.contains("MapsSettlementProblems") && v.contains("io.reelx.settlement"));
  }

  @Test
  void the_identity_rule_reports_a_name_taken_from_config() {
    assertThat(report(PLANTED_HOUSE.identity)).contains("TakesGroupFromConfig", "config.Groups")
        .doesNotContain("WritesRows");
  }

  @Test
  void the_domain_rule_reports_a_framework_and_passes_the_allowed_packages() {
    assertThat(report(PLANTED_HOUSE.domainIsAnAllowList)).contains("UsesSpring", "org.springframework.util")
        .doesNotContain("PlainJava").doesNotContain("Signed").doesNotContain("Window");
  }

  @Test
  void the_command_rule_reports_shiro_jackson_and_jdbc_but_not_a_listed_exception() {
    assertThat(report(PLANTED_HOUSE.commandFreeOfShiroJacksonAndJdbc))
        .contains("RefusesWithShiro", "StoresJson", "WritesRows")
        .doesNotContain("command.SnapshotState").doesNotContain("TakesGroupFromConfig");
  }

  @Test
  void the_web_rule_reports_one_context_web_layer_using_another_but_not_shared_web_or_its_own() {
    assertThat(violations(PLANTED_HOUSE.webLayersApart)).isNotEmpty()
        .allMatch(v -> v.contains("UsesListingWeb") && v.contains("listing.web.Helper"));
  }

  @Test
  void every_rule_passes_over_planted_classes_that_break_none() {
    JavaClasses innocent = ArchitectureTest.withoutResolving(() -> new ClassFileImporter().importPackages(
        PLANTED_ROOT + ".rights.domain", PLANTED_ROOT + ".shared.domain", PLANTED_ROOT + ".listing.domain",
        PLANTED_ROOT + ".listing.web"));
    for (ArchRule rule : List.of(PLANTED_HOUSE.contextsFreeOfCycles, PLANTED_HOUSE.rights, PLANTED_HOUSE.listing,
        PLANTED_HOUSE.webLayersApart)) {
      EvaluationResult result = rule.allowEmptyShould(true).evaluate(innocent);
      assertThat(result.hasViolation()).as(rule.getDescription()).isFalse();
    }
    assertThat(report(PLANTED_HOUSE.domainIsAnAllowList, innocent)).contains("UsesSpring").doesNotContain("PlainJava");
  }

  private static String report(ArchRule rule) {
    return report(rule, PLANTED);
  }

  private static String report(ArchRule rule, JavaClasses classes) {
    return String.join("\n", rule.evaluate(classes).getFailureReport().getDetails());
  }

  private static List<String> violations(ArchRule rule) {
    return rule.evaluate(PLANTED).getFailureReport().getDetails();
  }
}
