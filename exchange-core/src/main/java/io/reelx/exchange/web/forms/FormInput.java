package io.reelx.exchange.web.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A form exactly as it was typed, every field a list of strings (repeated rows keep their
 * positions), so that a refused form is shown again with what the user entered. Templates read it
 * as {@code form.v('startingPrice')}, {@code form.v('tierFrom', 2)}, {@code form.has('media', 'SVOD')}.
 */
public final class FormInput {

  private final Map<String, List<String>> values;

  public FormInput(Map<String, List<String>> values) {
    this.values = new LinkedHashMap<>(values);
  }

  public static FormInput of(MultiValueMap<String, String> params) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
    copy.remove("_csrf");
    return new FormInput(copy);
  }

  public static FormInput empty() {
    return new FormInput(Map.of());
  }

  public FormInput with(String name, String... value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(values);
    copy.put(name, List.of(value));
    return new FormInput(copy);
  }

  /** The field's value, trimmed; "" when absent. */
  public String v(String name) {
    return v(name, 0);
  }

  /** The {@code index}th value of a repeated field, trimmed; "" when absent. */
  public String v(String name, int index) {
    List<String> list = values.get(name);
    if (list == null || index >= list.size() || list.get(index) == null) {
      return "";
    }
    return list.get(index).strip();
  }

  /** The field's value, or null when blank. */
  public String orNull(String name) {
    String value = v(name);
    return value.isEmpty() ? null : value;
  }

  /** The {@code index}th value of a repeated field, or null when blank. */
  public String orNullRow(String name, int index) {
    String value = v(name, index);
    return value.isEmpty() ? null : value;
  }

  public List<String> all(String name) {
    List<String> list = values.get(name);
    return list == null ? List.of() : list.stream().map(String::strip).toList();
  }

  /** Whether a checkbox or multi-select has {@code value} ticked. */
  public boolean has(String name, String value) {
    return all(name).contains(value);
  }

  public boolean checked(String name) {
    String value = v(name);
    return value.equals("true") || value.equals("on");
  }

  /** How many rows a repeated field has, at least {@code min}. */
  public int rows(String name, int min) {
    return Math.max(min, all(name).size());
  }
}
