package io.reelx.exchange.web;

import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every page needs: who is signed in ({@code me}, null on the login page), the
 * session's CSRF token ({@code csrf}, also as htmx's {@code hx-headers} JSON on the body), the
 * language ({@code lang}: {@code en} or {@code zh-CN}) and the path the language links point at.
 */
@ControllerAdvice(annotations = PageController.class)
public class PageModel {

  @ModelAttribute("me")
  public CurrentUser me(HttpServletRequest request) {
    return session(request) == null ? null : session(request).user();
  }

  @ModelAttribute("csrf")
  public String csrf(HttpServletRequest request) {
    PageSessions.Session session = session(request);
    return session == null ? "" : session.csrfToken();
  }

  @ModelAttribute("hxHeaders")
  public String hxHeaders(HttpServletRequest request) {
    // the token is base64url: nothing to escape in JSON
    return "{\"" + PageFilter.CSRF_HEADER + "\": \"" + csrf(request) + "\"}";
  }

  @ModelAttribute("lang")
  public String lang() {
    return tag(LocaleContextHolder.getLocale());
  }

  @ModelAttribute("here")
  public String here(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @ModelAttribute("roles")
  public java.util.Set<Role> roles(HttpServletRequest request) {
    CurrentUser me = me(request);
    return me == null ? java.util.Set.of() : me.roles();
  }

  static String tag(Locale locale) {
    return WebConfiguration.CHINESE.getLanguage().equals(locale.getLanguage()) ? "zh-CN" : "en";
  }

  static PageSessions.Session session(HttpServletRequest request) {
    return (PageSessions.Session) request.getAttribute(PageFilter.SESSION);
  }
}
