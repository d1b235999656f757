package io.reelx.exchange.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The contexts of exchange-core do not tangle. */
class ContextArchitectureTest {

  private static final JavaClasses MAIN = ArchitectureTest.importMain("io.reelx.exchange");

  static final ArchRule CONTEXTS_FREE_OF_CYCLES = slices().matching("io.reelx.exchange.(*)..")
      .should().beFreeOfCycles()
      .because("a context learns of another through its published commands, events and queries, never both ways");

  @Test
  void contexts_are_free_of_cycles() {
    CONTEXTS_FREE_OF_CYCLES.check(MAIN);
  }
}
