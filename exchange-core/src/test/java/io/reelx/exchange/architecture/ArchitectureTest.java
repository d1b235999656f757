package io.reelx.exchange.architecture;

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
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The house rules (STYLE.md, Build habits) over exchange-core's main classes and the settlement
 * jar it depends on. Test classes are not imported; every rule keeps ArchUnit's default of failing
 * when it has no class to check, so a rule cannot silently pass over nothing.
 */
class ArchitectureTest {

  private static final String CLOCK_CONFIGURATION = "io.reelx.exchange.config.ClockConfiguration";

  /** Main classes of exchange-core, plus settlement's from its jar (for the dependency rule). */
  private static final JavaClasses MAIN = importMain("io.reelx.exchange", "io.reelx.settlement");

  /**
   * Every rule here judges a dependency by its target's name, so the targets (Spring, Axon, the JDK)
   * need not be read from the classpath: switching that off for this import takes it from seconds
   * to well under one. The global setting is restored straight after.
   */
  static JavaClasses importMain(String... packages) {
    return withoutResolving(() ->
        new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(packages));
  }

  static JavaClasses importOffenders(Class<?>... offenders) {
    return withoutResolving(() -> new ClassFileImporter().importClasses(offenders));
  }

  static JavaClasses withoutResolving(Supplier<JavaClasses> importer) {
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    try {
      return importer.get();
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  private static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
      .that().resideInAPackage("io.reelx..domain..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "org.axonframework..", "java.sql..", "javax.sql..", "jakarta..",
          "org.apache.shiro..", "tools.jackson..", "com.fasterxml..")
      .because("the domain is plain Java; frameworks stay in command, query, web and config");

  private static final ArchRule NO_WALL_CLOCK = classes()
      .that().resideInAPackage("io.reelx.exchange..")
      .should(notReadTheWallClock())
      .because("\"now\" comes from the injected Clock bean, which only ClockConfiguration creates");

  private static final ArchRule NO_FLOATING_POINT = classes()
      .that().resideInAPackage("io.reelx.exchange..")
      .should(haveNoFloatingPointInSignatures())
      .because("money is Money(long minor, currency) and rates are basis points");

  private static final ArchRule SETTLEMENT_IGNORES_EXCHANGE = noClasses()
      .that().resideInAPackage("io.reelx.settlement..")
      .should().dependOnClassesThat().resideInAPackage("io.reelx.exchange..")
      .because("settlement is consumed by the exchange, never the other way round");

  private static final ArchRule WEB_IS_AN_EDGE = noClasses()
      .that().resideInAnyPackage("io.reelx..domain..", "io.reelx..command..")
      .should().dependOnClassesThat().resideInAPackage("..web..")
      .because("the web layer calls in; domain and command never reach out to it");

  @Test
  void the_importer_sees_main_classes_of_both_modules_and_no_tests() {
    assertThat(MAIN.contain("io.reelx.exchange.listing.command.Listing")).isTrue();
    assertThat(MAIN.contain("io.reelx.settlement.money.Money")).isTrue();
    assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
  }

  @Test
  void domain_packages_depend_on_no_framework() {
    DOMAIN_IS_PLAIN_JAVA.check(MAIN);
  }

  @Test
  void no_main_class_reads_the_wall_clock() {
    NO_WALL_CLOCK.check(MAIN);
  }

  @Test
  void no_main_class_has_a_double_or_float_field_parameter_or_return_type() {
    NO_FLOATING_POINT.check(MAIN);
  }

  @Test
  void settlement_never_depends_on_the_exchange() {
    SETTLEMENT_IGNORES_EXCHANGE.check(MAIN);
  }

  @Test
  void domain_and_command_never_reach_the_web_layer() {
    WEB_IS_AN_EDGE.check(MAIN);
  }

  // ---- the custom conditions must be able to fail: run them over deliberate offenders ----------

  @Test
  void the_wall_clock_condition_catches_calls_and_method_references_but_not_an_injected_clock() {
    JavaClasses offenders = importOffenders(CallsInstantNow.class, ReferencesLocalDateNow.class,
        CallsSystemUtc.class, ReadsAnInjectedClock.class);
    List<String> violations = classes().should(notReadTheWallClock()).evaluate(offenders).getFailureReport().getDetails();
    assertThat(violations).hasSize(3);
    assertThat(String.join("\n", violations))
        .contains(CallsInstantNow.class.getName(), ReferencesLocalDateNow.class.getName(),
            CallsSystemUtc.class.getName())
        .doesNotContain(ReadsAnInjectedClock.class.getName());
  }

  @Test
  void the_floating_point_condition_catches_fields_parameters_return_types_arrays_and_type_arguments() {
    JavaClasses offenders = importOffenders(FloatingPointEverywhere.class, ExactOnly.class);
    List<String> violations =
        classes().should(haveNoFloatingPointInSignatures()).evaluate(offenders).getFailureReport().getDetails();
    assertThat(String.join("\n", violations))
        .contains("price", "rate(", "discount(", "ratios", "weights")
        .doesNotContain(ExactOnly.class.getName());
  }

  static class CallsInstantNow {
    Instant at() {
      return Instant.now();
    }
  }

  static class ReferencesLocalDateNow {
    Supplier<LocalDate> today() {
      return LocalDate::now;
    }
  }

  static class CallsSystemUtc {
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  static class ReadsAnInjectedClock {
    Instant at(Clock clock) {
      return Instant.now(clock);
    }
  }

  static class FloatingPointEverywhere {
    double price;
    Float[] ratios;
    List<Double> weights;

    long rate(float r) {
      return (long) r;
    }

    Double discount() {
      return null;
    }
  }

  static class ExactOnly {
    long minor;
    List<Long> amounts;

    long total(long a, int b) {
      return a + b;
    }
  }

  // ---- conditions ------------------------------------------------------------------------------

  private static final Set<String> NOW_OWNERS = Set.of("java.time.Instant", "java.time.LocalDate",
      "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.ZonedDateTime");

  private static final Set<String> FLOATING_POINT = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

  /**
   * No {@code now()} / {@code now(ZoneId)} of the java.time types, no {@code System.currentTimeMillis()},
   * no {@code Clock.systemDefaultZone()} or {@code Clock.system(ZoneId)}, and {@code Clock.systemUTC()}
   * only in ClockConfiguration (the Clock bean). Method references count as reads.
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
      if (name.equals("systemUTC")) {
        return !access.getOriginOwner().getName().equals(CLOCK_CONFIGURATION);
      }
      return name.equals("systemDefaultZone") || name.equals("system");
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
