package io.reelx.exchange.listing.command;

import static org.hamcrest.Matchers.equalTo;

import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.RuleViolation;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/** Matchers for the fixture's {@code expectException}: which field, which rule. */
public final class Refusals {

  private Refusals() {}

  public static Matcher<InvalidValue> invalidValue(String field) {
    return new FeatureMatcher<InvalidValue, String>(equalTo(field), "an InvalidValue on field", "field") {
      @Override
      protected String featureValueOf(InvalidValue actual) {
        return actual.field();
      }
    };
  }

  public static Matcher<RuleViolation> ruleViolation(String code) {
    return new FeatureMatcher<RuleViolation, String>(equalTo(code), "a RuleViolation with code", "code") {
      @Override
      protected String featureValueOf(RuleViolation actual) {
        return actual.code();
      }
    };
  }
}
