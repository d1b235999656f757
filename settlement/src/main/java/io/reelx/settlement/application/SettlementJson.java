package io.reelx.settlement.application;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import io.reelx.settlement.terms.domain.OrganizationId;
import io.reelx.settlement.terms.domain.Rate;
import java.math.BigDecimal;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for settlement's stored values (terms, statements, positions). Domain records carry no
 * annotations: the mapping lives here. Exact decimals are written as strings, {@link Rate} with
 * a {@code type} of {@code percent} or {@code perUnit}, as the settlement README documents.
 */
public final class SettlementJson {

  private SettlementJson() {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Rate.Percent.class, name = "percent"),
      @JsonSubTypes.Type(value = Rate.PerUnit.class, name = "perUnit")})
  private abstract static class RateMixin {}

  /** An organisation is written as its id: {@code "organization": "studio"}. */
  private abstract static class OrganizationIdMixin {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    OrganizationIdMixin(String value) {}

    @JsonValue
    abstract String value();
  }

  public static final JsonMapper MAPPER = JsonMapper.builder()
      .addMixIn(Rate.class, RateMixin.class)
      .addMixIn(OrganizationId.class, OrganizationIdMixin.class)
      .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE))
      .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
      // exact decimals read as people write them: "200000000", never "2E+8"
      .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // an absent basis-point figure or tolerance is 0, as the terms format documents
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  /**
   * The same mapping for another mapper (e.g. the exchange's event serializer, which stores the
   * agreement's events): {@link Rate} with its {@code type}, an organisation as its id.
   */
  public static tools.jackson.databind.JacksonModule module() {
    return new tools.jackson.databind.module.SimpleModule("settlement") {
      @Override
      public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.setMixIn(Rate.class, RateMixin.class);
        context.setMixIn(OrganizationId.class, OrganizationIdMixin.class);
      }
    };
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  /** Converts a parsed JSON tree (maps and lists, e.g. a request body) to {@code type}. */
  public static <T> T convert(Object tree, Class<T> type) {
    return MAPPER.convertValue(tree, type);
  }
}
