package io.reelx.exchange.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The house rules over exchange-core's contexts, written against a root package so that the same
 * rules run over the main classes ({@code io.reelx.exchange}) and over the planted offenders
 * ({@code io.reelx.exchange.architecture.planted}), which prove that each rule can fail.
 *
 * <p>A context is a package right below the root. Each names the contexts it may use (an
 * allow-list, as ddd-by-examples/library's modular architecture test does); the settlement module
 * counts as one more ({@link #SETTLEMENT}). Everything else outside the root and settlement (the
 * JDK, Spring, Axon, the generated API) is not the business of these rules.
 */
final class HouseRules {

  /** The settlement module, named in an allow-list like a context. */
  static final String SETTLEMENT = "settlement";
  private static final String SETTLEMENT_PACKAGE = "io.reelx.settlement..";

  final String root;

  // ---- no loops -------------------------------------------------------------------------------

  final ArchRule contextsFreeOfCycles;

  // ---- what each context may use (its own packages always) ----------------------------------

  /** The shared kernel uses nothing: every context may use it. */
  final ArchRule shared;
  final ArchRule eventstore;
  final ArchRule identity;
  final ArchRule audit;
  final ArchRule rights;
  final ArchRule listing;
  final ArchRule contract;
  final ArchRule finance;
  final ArchRule operations;
  final ArchRule demo;
  /** The web workspace (server-rendered pages) is the UI over the business contexts. */
  final ArchRule web;
  /** The wiring: it may name any business context's groups and types, but no context names it back. */
  final ArchRule config;

  // ---- inside a context -----------------------------------------------------------------------

  final ArchRule domainIsAnAllowList;
  final ArchRule commandFreeOfShiroJacksonAndJdbc;
  final ArchRule webLayersApart;

  /**
   * Classes of command packages that still use what a command package should not, each with why;
   * relative to the root. The rule fails on any other; ContextArchitectureTest fails on one of these
   * that no longer needs its exception, so the list only shrinks.
   */
  static final List<String> COMMAND_EXCEPTIONS = List.of(
      // the meta-annotation that keeps Jackson out of the aggregates: their snapshot field visibility, once
      "shared.command.SnapshotState");

  /** What each context may use besides itself ({@link #SETTLEMENT}: the settlement module). */
  static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

  static {
    MAY_USE.put("shared", List.of());
    MAY_USE.put("eventstore", List.of("shared"));
    MAY_USE.put("identity", List.of("shared"));
    MAY_USE.put("audit", List.of("identity", "shared"));
    MAY_USE.put("rights", List.of("identity", "shared"));
    MAY_USE.put("listing", List.of("rights", "identity", "shared", SETTLEMENT));
    MAY_USE.put("contract", List.of("listing", "rights", "identity", "shared", SETTLEMENT));
    MAY_USE.put("finance", List.of("contract", "listing", "rights", "identity", "shared", SETTLEMENT));
    MAY_USE.put("operations", List.of("config", "contract", "listing", "identity", "shared"));
    MAY_USE.put("demo", List.of("contract", "listing", "rights", "identity", "shared", SETTLEMENT));
    MAY_USE.put("web", List.of("finance", "contract", "listing", "rights", "identity", "audit", "shared", SETTLEMENT));
    MAY_USE.put("config", List.of("eventstore", "finance", "contract", "listing", "rights", "identity", "shared",
        SETTLEMENT));
  }

  HouseRules(String root) {
    this.root = root;
    contextsFreeOfCycles = slices().matching(root + ".(*)..").should().beFreeOfCycles()
        .because("a context learns of another through its commands, events, queries or ports, never both ways");

    shared = context("shared");
    eventstore = context("eventstore");
    identity = context("identity");
    audit = context("audit");
    rights = context("rights");
    listing = context("listing");
    contract = context("contract");
    finance = context("finance");
    operations = context("operations");
    demo = context("demo");
    web = context("web");
    config = context("config");

    domainIsAnAllowList = classes().that().resideInAPackage(root + "..domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".shared.domain..",
            root + "..domain..", "io.reelx.settlement..domain..", "io.reelx.settlement.money..")
        .because("a domain package is plain Java: the JDK, the shared kernel, domain packages of the contexts it"
            + " may use (its own first) and settlement's pure model; no framework at all");

    commandFreeOfShiroJacksonAndJdbc = noClasses().that().resideInAPackage(root + "..command..")
        .and(not(knownException()))
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.shiro..", "tools.jackson..",
            "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "org.springframework.jdbc..")
        .because("command packages decide and apply events: security is checked at the edge, JSON and SQL"
            + " belong to queries and stores");

    webLayersApart = classes().that(inAContextsWebPackage())
        .should(notUseAnotherContextsWebPackage())
        .because("a context's web layer calls its own context; what several edges share lives in shared.web or"
            + " in a context's api package");
  }

  /** The context's allow-list as a rule, in the style of ddd-by-examples/library's modular test. */
  private ArchRule context(String name) {
    List<String> others = MAY_USE.get(name);
    List<String> allowed = new ArrayList<>();
    allowed.add(root + "." + name + "..");
    for (String other : others) {
      allowed.add(other.equals(SETTLEMENT) ? SETTLEMENT_PACKAGE : root + "." + other + "..");
    }
    DescribedPredicate<JavaClass> outside = resideOutsideOfPackages(root + "..", SETTLEMENT_PACKAGE);
    return classes().that().resideInAPackage(root + "." + name + "..")
        .should().onlyDependOnClassesThat(outside.or(resideInAnyPackage(allowed.toArray(String[]::new))))
        .as(name + " uses only " + (others.isEmpty() ? "itself" : "itself and " + others))
        .because("each context names what it may use");
  }

  private DescribedPredicate<JavaClass> knownException() {
    List<String> names = COMMAND_EXCEPTIONS.stream().map(n -> root + "." + n).toList();
    return DescribedPredicate.describe("are known exceptions " + COMMAND_EXCEPTIONS,
        c -> names.stream().anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
  }

  private String contextOf(JavaClass c) {
    String rest = c.getPackageName().startsWith(root + ".") ? c.getPackageName().substring(root.length() + 1) : "";
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private boolean inWebPackage(JavaClass c) {
    String pkg = c.getPackageName();
    return pkg.startsWith(root + ".") && !contextOf(c).equals("web")
        && (pkg.endsWith(".web") || pkg.contains(".web."));
  }

  private DescribedPredicate<JavaClass> inAContextsWebPackage() {
    return DescribedPredicate.describe("are in a context's web package", this::inWebPackage);
  }

  private ArchCondition<JavaClass> notUseAnotherContextsWebPackage() {
    return new ArchCondition<>("not use another context's web package (shared.web excepted)") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass();
          String other = contextOf(target);
          if (inWebPackage(target) && !other.equals(contextOf(origin)) && !other.equals("shared")) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }
}
