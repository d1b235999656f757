package io.reelx.exchange.web.forms;

import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import io.reelx.settlement.terms.domain.InvalidTermsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The refusals of one form: each problem with the field and code the API's problem document
 * would carry ({@code invalid-value} per field, a rule's own code such as
 * {@code schedule-in-past}, {@code state-conflict}, {@code concurrent-change}), so a page shows
 * the same answer next to the field that the API gives. Problems without a field go at the top of
 * the form. Templates read {@code problems.of('startingPrice')} and {@code problems.general()}.
 */
public final class Refusals {

  /** One problem: its field (null: the whole form), the API's code, the reason. */
  public record Problem(String field, String code, String reason) {}

  private final List<Problem> problems = new ArrayList<>();

  public static Refusals none() {
    return new Refusals();
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<Problem> all() {
    return List.copyOf(problems);
  }

  public void add(String field, String code, String reason) {
    problems.add(new Problem(field, code, reason));
  }

  /** The problems of one field (API name, e.g. {@code window.territories}). */
  public List<Problem> of(String field) {
    return problems.stream().filter(p -> field.equals(p.field())).toList();
  }

  public boolean has(String field) {
    return !of(field).isEmpty();
  }

  /** Problems whose field is none of {@code shown} (each form lists the fields it shows next to inputs). */
  public List<Problem> general(List<String> shown) {
    return problems.stream().filter(p -> p.field() == null || !shown.contains(p.field())).toList();
  }

  public List<Problem> general() {
    return problems.stream().filter(p -> p.field() == null).toList();
  }

  /** Fields and their problems, for {@code aria-describedby}. */
  public Map<String, List<Problem>> byField() {
    Map<String, List<Problem>> map = new LinkedHashMap<>();
    problems.forEach(p -> map.computeIfAbsent(String.valueOf(p.field()), k -> new ArrayList<>()).add(p));
    return map;
  }

  /**
   * Runs {@code step}; a refusal is recorded (with the API's field and code) instead of thrown.
   * Returns the step's value, or null when it was refused. Anything else (a bug, a denied role)
   * propagates.
   */
  public <T> T collect(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      if (!record(e)) {
        throw e;
      }
      return null;
    }
  }

  public void run(Runnable step) {
    collect(() -> {
      step.run();
      return null;
    });
  }

  /** Records a refusal; false when {@code e} is not one (left to the caller to throw). */
  public boolean record(RuntimeException e) {
    Throwable cause = e instanceof CommandExecutionException && e.getCause() instanceof RuntimeException inner
        ? inner : e;
    if (cause instanceof InvalidValue invalid) {
      invalid.fields().forEach(f -> add(f.field(), "invalid-value", f.reason()));
    } else if (cause instanceof InvalidTermsException terms) {
      terms.errors().forEach(f -> add(f.field(), "invalid-value", f.reason()));
    } else if (cause instanceof RuleViolation rule) {
      add(null, rule.code(), rule.getMessage());
    } else if (cause instanceof StateConflict conflict) {
      add(null, "state-conflict", conflict.getMessage());
    } else if (cause instanceof NotFound notFound) {
      add(null, "not-found", notFound.getMessage());
    } else if (cause instanceof ConcurrencyException || cause instanceof DuplicateKeyException) {
      add(null, "concurrent-change", "The resource was changed by someone else meanwhile; reload it and try again");
    } else {
      return false;
    }
    return true;
  }
}
