package io.reelx.exchange.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a JSON request body may hold is checked once, where the body is read ({@link
 * RequestInputModule}: text, whole numbers and their bounds; no nulls in lists); query parameters
 * are checked by {@link RequestShapeFilter}. A refused request changes nothing and is answered 400
 * naming the field.
 */
@Configuration(proxyBeanMethods = false)
public class RequestInputConfiguration {

  /** The application's JSON mapper, strict only where requests are read (stored documents are read as written). */
  @Bean
  JacksonJsonHttpMessageConverter jacksonJsonHttpMessageConverter(JsonMapper mapper) {
    return new JacksonJsonHttpMessageConverter(mapper.rebuild()
        .addModule(new RequestInputModule())
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // a null inside a list or map is never meaningful here ("roles":[null])
        .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .build());
  }
}
