package io.reelx.exchange.shared.web;

import io.reelx.exchange.shared.domain.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text that reaches the exchange over HTTP is checked once, at the edge: JSON bodies by the message
 * converter ({@link RequestInputModule}, which also bounds numbers and refuses nulls in lists), query parameters by a filter ahead of everything else. A
 * refused request changes nothing and is answered 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
public class RequestInputConfiguration {

  /** The application's JSON mapper, strict about text only where requests are read. */
  @Bean
  JacksonJsonHttpMessageConverter jacksonJsonHttpMessageConverter(JsonMapper mapper) {
    return new JacksonJsonHttpMessageConverter(mapper.rebuild()
        .addModule(new RequestInputModule())
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // a null inside a list or map is never meaningful here ("roles":[null])
        .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .build());
  }

  @Bean
  FilterRegistrationBean<QueryText> queryText(JsonMapper mapper) {
    FilterRegistrationBean<QueryText> registration = new FilterRegistrationBean<>(new QueryText(mapper));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** Refuses query parameters (names and values) that hold control characters. */
  static final class QueryText extends OncePerRequestFilter {
    private final JsonMapper mapper;

    QueryText(JsonMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getQueryString() != null) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
          String refusal = Text.refusal(parameter.getKey());
          for (int i = 0; refusal == null && i < parameter.getValue().length; i++) {
            refusal = Text.refusal(parameter.getValue()[i]);
          }
          if (refusal != null) {
            String field = Text.refusal(parameter.getKey()) == null ? parameter.getKey() : "query";
            ProblemResponses.write(mapper, response, HttpStatus.BAD_REQUEST, "invalid-value",
                "Query parameter " + field + " " + refusal, List.of(Map.of("field", field, "reason", refusal)));
            return;
          }
        }
      }
      chain.doFilter(request, response);
    }
  }
}
