package io.reelx.exchange.web;

import io.reelx.exchange.shared.domain.InvalidValue;
import io.reelx.exchange.shared.domain.NotFound;
import io.reelx.exchange.shared.domain.Refusal;
import io.reelx.exchange.shared.domain.RuleViolation;
import io.reelx.exchange.shared.domain.StateConflict;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.apache.shiro.authz.UnauthenticatedException;
import org.apache.shiro.authz.UnauthorizedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on the pages' paths as HTML pages in the user's language, within the layout, with the
 * API's statuses (another organisation's private listing: 404, as the API): not found, a refusal
 * (422, 409, 400), not allowed (403), or an unexpected error (500, logged, with its correlation id
 * in the log only). It applies to {@link PageController}s only and runs before the API's problem
 * handler, so {@code /api/**} keeps its problem documents.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

  private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

  private final PageModel layout;
  private final MessageSource messages;

  public PageErrors(PageModel layout, MessageSource messages) {
    this.layout = layout;
    this.messages = messages;
  }

  @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
  ModelAndView notFound(RuntimeException e, HttpServletRequest request) {
    return page(request, HttpStatus.NOT_FOUND, "not-found", null);
  }

  @ExceptionHandler(Refusal.class)
  ModelAndView refused(Refusal e, HttpServletRequest request) {
    if (e instanceof NotFound) {
      return notFound(e, request);
    }
    HttpStatus status = e instanceof RuleViolation ? HttpStatus.UNPROCESSABLE_CONTENT
        : e instanceof StateConflict ? HttpStatus.CONFLICT
        : HttpStatus.BAD_REQUEST;
    String code = e instanceof RuleViolation rule ? rule.code()
        : e instanceof InvalidValue invalid ? "invalid." + invalid.field()
        : "conflict";
    Locale locale = LocaleContextHolder.getLocale();
    String detail = messages.getMessage("refusal." + code, new Object[] {e.getMessage()}, e.getMessage(), locale);
    return page(request, status, "refused", detail);
  }

  @ExceptionHandler(CommandExecutionException.class)
  ModelAndView command(CommandExecutionException e, HttpServletRequest request) {
    if (e.getCause() instanceof Refusal refusal) {
      return refused(refusal, request);
    }
    return unexpected(e, request);
  }

  @ExceptionHandler(UnauthorizedException.class)
  ModelAndView forbidden(UnauthorizedException e, HttpServletRequest request) {
    return page(request, HttpStatus.FORBIDDEN, "forbidden", null);
  }

  @ExceptionHandler(UnauthenticatedException.class)
  ModelAndView unauthenticated(UnauthenticatedException e, HttpServletRequest request) {
    return page(request, HttpStatus.UNAUTHORIZED, "unauthenticated", null);
  }

  /** The client went away (a closed live stream): nothing to render. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  ModelAndView gone(AsyncRequestNotUsableException e) {
    return new ModelAndView();
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      // Spring's own refusals of a malformed request (a missing parameter, a wrong method)
      HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
      return page(request, status, status == HttpStatus.NOT_FOUND ? "not-found" : "bad-request", null);
    }
    log.error("Unexpected error on page {} {}", request.getMethod(), request.getRequestURI(), e);
    return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", null);
  }

  /** The error page with what the layout needs (exception handlers get no {@code @ModelAttribute}s). */
  ModelAndView page(HttpServletRequest request, HttpStatus status, String kind, String detail) {
    ModelAndView page = new ModelAndView("error-page", status);
    page.addObject("me", layout.me(request));
    page.addObject("csrf", layout.csrf(request));
    page.addObject("hxHeaders", layout.hxHeaders(request));
    page.addObject("lang", layout.lang());
    page.addObject("here", layout.here(request));
    page.addObject("roles", layout.roles(request));
    page.addObject("status", status.value());
    page.addObject("kind", kind);
    page.addObject("detail", detail);
    return page;
  }
}
