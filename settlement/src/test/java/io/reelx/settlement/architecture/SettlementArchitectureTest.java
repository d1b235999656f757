package io.reelx.settlement.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Settlement is the money core: it knows nothing of the exchange, never holds floating point and
 * never asks the wall clock (callers pass dates and instants in). Test classes are not imported;
 * ArchUnit's default of failing a rule that has nothing to check stays on.
 */
class SettlementArchitectureTest {

  private static final JavaClasses MAIN = withoutResolving(() ->
      new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("io.reelx.settlement"));

  private static final ArchRule KNOWS_NOTHING_OF_THE_EXCHANGE = noClasses()
      .that().resideInAPackage("io.reelx.settlement..")
      .should().dependOnClassesThat().resideInAPackage("io.reelx.exchange..")
      .because("settlement is consumed by the exchange, never the other way round");

  private static final ArchRule NO_FLOATING_POINT = classes()
      .that().resideInAPackage("io.reelx.settlement..")
      .should(haveNoFloatingPointInSignatures())
      .because("money is Money(long minor, currency) and rates are basis points");

  private static final ArchRule NO_WALL_CLOCK = classes()
      .that().resideInAPackage("io.reelx.settlement..")
      .should(notReadTheWallClock())
      .because("settlement is told the time; it never reads it");

  private static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes()
      .that().resideInAnyPackage("io.reelx.settlement..domain..", "io.reelx.settlement.eventsourcing..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.reelx.settlement..")
      .because("domain packages (and the event sourcing they share) are plain Java: no Spring, Axon, JDBC or Jackson");

  private static final ArchRule SERVICES_LIVE_IN_THEIR_CONTEXT = classes()
      .that().resideInAPackage("io.reelx.settlement..").and().haveSimpleNameEndingWith("Service")
      .should().resideInAPackage("io.reelx.settlement.*.application")
      .because("each context has its own small application service (no desk spanning them all)");

  private static final ArchRule THE_SHARED_APPLICATION_PACKAGE_HOLDS_NO_SERVICE = noClasses()
      .that().resideInAPackage("io.reelx.settlement.application")
      .should().haveSimpleNameEndingWith("Service").orShould().haveSimpleNameEndingWith("Desk")
      .orShould().dependOnClassesThat().resideInAnyPackage("io.reelx.settlement.*.application")
      .because("io.reelx.settlement.application holds only what the services share: records, rows, problems, the agreement log");

  private static final ArchRule CONTEXTS_MEET_THROUGH_THEIR_APPLICATION_API = classes()
      .that().resideInAPackage("io.reelx.settlement.*.application..")
      .should(useOtherContextsOnlyThroughTheirApplicationApi())
      .because("a context's service may use another context's application service and domain types, never its internals");

  /** The settlement contexts, each with its own application service. */
  static final List<String> SERVICES = List.of(
      "io.reelx.settlement.agreement.application.AgreementService",
      "io.reelx.settlement.ledger.application.DepositService",
      "io.reelx.settlement.report.application.ReportService",
      "io.reelx.settlement.statement.application.StatementService",
      "io.reelx.settlement.fx.application.FxService",
      "io.reelx.settlement.reconciliation.application.ReconciliationService",
      "io.reelx.settlement.payout.application.PayoutService");

  @Test
  void every_context_has_its_application_service_and_no_desk_spans_them() {
    assertThat(SERVICES).allSatisfy(service -> assertThat(MAIN.contain(service)).as(service).isTrue());
    assertThat(MAIN.contain("io.reelx.settlement.application.SettlementDesk")).isFalse();
    SERVICES_LIVE_IN_THEIR_CONTEXT.check(MAIN);
    THE_SHARED_APPLICATION_PACKAGE_HOLDS_NO_SERVICE.check(MAIN);
  }

  @Test
  void a_context_uses_another_only_through_its_application_service_and_domain_types() {
    CONTEXTS_MEET_THROUGH_THEIR_APPLICATION_API.check(MAIN);
  }

  @Test
  void the_context_rule_catches_a_service_reaching_into_another_contexts_internals() {
    JavaClasses offenders = withoutResolving(() -> new ClassFileImporter().importClasses(
        io.reelx.settlement.payout.application.PlantedOffender.class,
        io.reelx.settlement.payout.application.PlantedOffender.Fine.class));
    List<String> violations = classes().should(useOtherContextsOnlyThroughTheirApplicationApi()).evaluate(offenders)
        .getFailureReport().getDetails();
    assertThat(String.join("\n", violations)).contains("statement.query.PlantedInternal")
        .doesNotContain("PlantedOffender$Fine");
  }

  @Test
  void the_importer_sees_the_main_classes_and_no_tests() {
    assertThat(MAIN.contain("io.reelx.settlement.money.Money")).isTrue();
    assertThat(MAIN.contain("io.reelx.settlement.statement.domain.StatementCalculator")).isTrue();
    assertThat(MAIN.contain(SettlementArchitectureTest.class)).isFalse();
  }

  @Test
  void domain_packages_depend_only_on_the_jdk_and_settlement() {
    DOMAIN_IS_PLAIN_JAVA.check(MAIN);
  }

  @Test
  void settlement_never_depends_on_the_exchange() {
    KNOWS_NOTHING_OF_THE_EXCHANGE.check(MAIN);
  }

  @Test
  void no_settlement_class_has_a_double_or_float_field_parameter_or_return_type() {
    NO_FLOATING_POINT.check(MAIN);
  }

  @Test
  void no_settlement_class_reads_the_wall_clock() {
    NO_WALL_CLOCK.check(MAIN);
  }

  // ---- the custom conditions must be able to fail: run them over deliberate offenders ----------

  @Test
  void the_wall_clock_condition_catches_calls_and_method_references_but_not_an_injected_clock() {
    JavaClasses offenders = withoutResolving(() -> new ClassFileImporter().importClasses(
        CallsSystemMillis.class, ReferencesInstantNow.class, CallsSystemUtc.class, AsksAZonedNow.class,
        ReadsAnInjectedClock.class));
    List<String> violations = classes().should(notReadTheWallClock()).evaluate(offenders).getFailureReport().getDetails();
    assertThat(violations).hasSize(4);
    assertThat(String.join("\n", violations)).doesNotContain(ReadsAnInjectedClock.class.getName());
  }

  @Test
  void the_floating_point_condition_catches_fields_parameters_return_types_arrays_and_type_arguments() {
    JavaClasses offenders = withoutResolving(() -> new ClassFileImporter().importClasses(
        FloatingPointEverywhere.class, ExactOnly.class));
    List<String> violations =
        classes().should(haveNoFloatingPointInSignatures()).evaluate(offenders).getFailureReport().getDetails();
    assertThat(String.join("\n", violations))
        .contains("fxRate", "scale(", "share(", "splits", "weights")
        .doesNotContain(ExactOnly.class.getName());
  }

  @Test
  void the_plain_java_rule_catches_a_dependency_outside_the_jdk() {
    JavaClasses offenders = withoutResolving(() -> new ClassFileImporter().importClasses(UsesALibrary.class, ExactOnly.class));
    List<String> violations = classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.reelx.settlement..")
        .evaluate(offenders).getFailureReport().getDetails();
    assertThat(String.join("\n", violations)).contains("org.assertj").doesNotContain(ExactOnly.class.getSimpleName() + ".total");
  }

  static class UsesALibrary {
    Object check(String text) {
      return org.assertj.core.api.Assertions.assertThat(text);
    }
  }

  static class CallsSystemMillis {
    long at() {
      return System.currentTimeMillis();
    }
  }

  static class ReferencesInstantNow {
    Supplier<Instant> now() {
      return Instant::now;
    }
  }

  static class CallsSystemUtc {
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  static class AsksAZonedNow {
    LocalDateTime at() {
      return LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
    }
  }

  static class ReadsAnInjectedClock {
    Instant at(Clock clock) {
      return Instant.now(clock);
    }
  }

  static class FloatingPointEverywhere {
    double fxRate;
    float[] splits;
    List<Double> weights;

    long scale(Float factor) {
      return factor.longValue();
    }

    double share() {
      return 0;
    }
  }

  static class ExactOnly {
    long minor;
    List<Long> amounts;

    long total(long a, int b) {
      return a + b;
    }
  }

  // ---- conditions (the same house rules as exchange-core's ArchitectureTest) -------------------

  /** Packages of settlement that are no context of their own (what the services share, money, event sourcing): shared by all. */
  private static final Set<String> SHARED = Set.of("application", "money", "eventsourcing");

  /**
   * A class of context X ({@code io.reelx.settlement.X..}) may use of another context Y only
   * {@code Y.application} and {@code Y.domain}. The ledger's store ({@code ledger.query.JdbcLedger})
   * is the one infrastructure every context posts through.
   */
  static ArchCondition<JavaClass> useOtherContextsOnlyThroughTheirApplicationApi() {
    return new ArchCondition<>("use other contexts only through their application API and domain types") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        String[] own = javaClass.getPackageName().split("\\.");
        for (com.tngtech.archunit.core.domain.Dependency d : javaClass.getDirectDependenciesFromSelf()) {
          String[] target = d.getTargetClass().getPackageName().split("\\.");
          if (target.length < 4 || !target[0].equals("io") || !target[1].equals("reelx") || !target[2].equals("settlement")
              || SHARED.contains(target[3]) || (own.length > 3 && own[3].equals(target[3]))) {
            continue;
          }
          String layer = target.length > 4 ? target[4] : "";
          boolean allowed = layer.equals("application") || layer.equals("domain")
              || d.getTargetClass().getName().equals("io.reelx.settlement.ledger.query.JdbcLedger");
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  private static final Set<String> NOW_OWNERS = Set.of("java.time.Instant", "java.time.LocalDate",
      "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.ZonedDateTime");

  private static final Set<String> FLOATING_POINT = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

  /** Every rule judges dependencies by name, so Spring/JDK targets need not be read from the classpath. */
  private static JavaClasses withoutResolving(Supplier<JavaClasses> importer) {
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    try {
      return importer.get();
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  /**
   * No {@code now()} / {@code now(ZoneId)} of the java.time types, no {@code System.currentTimeMillis()},
   * no {@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()} or {@code Clock.system(ZoneId)}.
   * Method references count as reads.
   */
  static ArchCondition<JavaClass> notReadTheWallClock() {
    return new ArchCondition<>("not read the wall clock") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        Set<JavaAccess<?>> accesses = new LinkedHashSet<>(javaClass.getAccessesFromSelf());
        accesses.addAll(javaClass.getCodeUnitReferencesFromSelf());
        for (JavaAccess<?> access : accesses) {
          if (isWallClockRead(access)) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }

  private static boolean isWallClockRead(JavaAccess<?> access) {
    if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget)) {
      return false;
    }
    AccessTarget.CodeUnitAccessTarget target = (AccessTarget.CodeUnitAccessTarget) access.getTarget();
    String owner = target.getOwner().getName();
    String name = target.getName();
    List<JavaClass> params = target.getRawParameterTypes();
    boolean noneOrZone = params.isEmpty()
        || (params.size() == 1 && params.get(0).getName().equals("java.time.ZoneId"));
    if (name.equals("now") && NOW_OWNERS.contains(owner)) {
      return noneOrZone;
    }
    if (owner.equals("java.lang.System")) {
      return name.equals("currentTimeMillis");
    }
    if (owner.equals("java.time.Clock")) {
      return name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
    }
    return false;
  }

  static ArchCondition<JavaClass> haveNoFloatingPointInSignatures() {
    return new ArchCondition<>("have no double/float/Double/Float field, parameter or return type") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (JavaField field : javaClass.getFields()) {
          if (floatingPoint(field.getType())) {
            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " has type " + field.getType()));
          }
        }
        for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
          if (floatingPoint(unit.getReturnType())) {
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " returns " + unit.getReturnType()));
          }
          for (JavaParameter parameter : unit.getParameters()) {
            if (floatingPoint(parameter.getType())) {
              events.add(SimpleConditionEvent.violated(unit,
                  unit.getFullName() + " takes " + parameter.getType() + " (parameter " + parameter.getIndex() + ")"));
            }
          }
        }
      }
    };
  }

  private static boolean floatingPoint(JavaType type) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      JavaClass base = raw;
      while (base.isArray()) {
        base = base.getComponentType();
      }
      if (FLOATING_POINT.contains(base.getName())) {
        return true;
      }
    }
    return false;
  }
}
