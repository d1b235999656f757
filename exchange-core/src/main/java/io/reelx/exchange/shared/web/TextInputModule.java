package io.reelx.exchange.shared.web;

import io.reelx.exchange.shared.domain.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses request bodies whose strings hold control characters ({@link Text}), wherever they stand
 * (fields, list elements, nested objects), before any command sees them: the 400 names the field.
 */
final class TextInputModule extends SimpleModule {

  TextInputModule() {
    super("reelx-text-input");
    addDeserializer(String.class, new CheckedString());
  }

  /** The refusal of one string; {@link ProblemHandler} answers it with its reason. */
  static final class RefusedText extends InvalidFormatException {
    final String reason;

    RefusedText(JsonParser parser, String reason, String value) {
      super(parser, reason, value, String.class);
      this.reason = reason;
    }
  }

  private static final class CheckedString extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String value = super.deserialize(p, ctxt);
      String refusal = Text.refusal(value);
      if (refusal != null) {
        throw new RefusedText(p, refusal, value);
      }
      return value;
    }
  }
}
