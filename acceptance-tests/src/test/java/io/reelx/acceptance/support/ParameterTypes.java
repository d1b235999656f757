package io.reelx.acceptance.support;

import io.cucumber.java.ParameterType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The words features use for lists, dates, money and people. */
public class ParameterTypes {

  private final World world;

  public ParameterTypes(World world) {
    this.world = world;
  }

  /** "the operator" or a quoted name given in the scenario ("mango-ann"). */
  @ParameterType("the operator|\"[^\"]+\"")
  public Actor actor(String text) {
    return world.actor(text.startsWith("\"") ? text.substring(1, text.length() - 1) : text);
  }

  /** One or more quoted names: "lychee-lee", or "lychee-lee" and "durian-dan". */
  @ParameterType("\"[^\"]+\"(?:(?:, | and )\"[^\"]+\")*")
  public List<Actor> actors(String text) {
    return Arrays.stream(text.split("(?<=\")(?:, | and )(?=\")"))
        .map(quoted -> world.actor(quoted.substring(1, quoted.length() - 1)))
        .toList();
  }

  /** "CN, HK and TW", "zh,en", "RIGHTS_HOLDER". */
  @ParameterType("[A-Za-z_]+(?:(?:, ?| and )[A-Za-z_]+)*")
  public List<String> list(String text) {
    return Arrays.stream(text.split(", ?| and ")).map(String::trim).toList();
  }

  @ParameterType("\\d{4}-\\d{2}-\\d{2}")
  public LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  /** An amount in major units as people write it ("1,500,000.00"), as MINOR units (cents/fen). */
  @ParameterType("-?\\d{1,3}(?:,\\d{3})*(?:\\.\\d{2})?")
  public Long amount(String text) {
    return new BigDecimal(text.replace(",", "")).movePointRight(2).longValueExact();
  }

  @ParameterType("exclusively|non-exclusively")
  public Boolean exclusivity(String text) {
    return text.equals("exclusively");
  }

  /** How the exchange refuses, by the words of the API conventions. */
  @ParameterType("malformed|invalid|unauthenticated|forbidden|not found|a conflict|breaking a business rule|too many failed logins")
  public Integer refusal(String text) {
    return switch (text) {
      case "malformed", "invalid" -> 400;
      case "unauthenticated" -> 401;
      case "forbidden" -> 403;
      case "not found" -> 404;
      case "a conflict" -> 409;
      case "breaking a business rule" -> 422;
      case "too many failed logins" -> 429;
      default -> throw new IllegalArgumentException(text);
    };
  }
}
