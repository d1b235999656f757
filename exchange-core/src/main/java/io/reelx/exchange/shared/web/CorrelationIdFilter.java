package io.reelx.exchange.shared.web;

import io.reelx.exchange.shared.domain.Uuids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id, logged with each line written while it is handled (the
 * MDC key {@value #MDC_KEY}, a field of its own in the JSON logs) and answered in the
 * {@value #HEADER} header. A caller's own {@value #HEADER} is kept when it is a plain token of
 * at most 64 characters, so a proxy's id follows the request through; otherwise one is made
 * ({@link Uuids#random()}: unique, from a per-thread generator; a shared SecureRandom was the most
 * contended lock of the request threads).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "correlationId";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String id = given != null && ACCEPTED.matcher(given).matches() ? given : Uuids.random();
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    // an event stream's async dispatches log under the id of the request that opened it
    return false;
  }
}
