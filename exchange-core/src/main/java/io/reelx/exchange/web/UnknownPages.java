package io.reelx.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path that no page and no file answers (e.g. {@code /nothing-here}) is the 404 page in the
 * user's language within the layout, as a page's own "not found" is. It runs before the API's
 * exception handlers, and leaves the API's, the actuator's and the assets' paths to them: those
 * keep their problem documents.
 */
@Component
public class UnknownPages implements HandlerExceptionResolver, Ordered {

  private static final List<String> NOT_PAGES = List.of("/api/", "/actuator/", "/assets/", "/webjars/", "/v3/",
      "/error");

  private final PageErrors errors;

  public UnknownPages(PageErrors errors) {
    this.errors = errors;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception e) {
    if (!(e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException)) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/api") || path.equals("/actuator") || NOT_PAGES.stream().anyMatch(path::startsWith)) {
      return null;
    }
    return errors.page(request, HttpStatus.NOT_FOUND, "not-found", null);
  }

  /** Before Spring MVC's own resolvers (order 0), after Boot's error attributes (which only record). */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
