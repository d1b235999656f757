package io.reelx.exchange.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.web.servlet.OncePerRequestFilter;
import org.apache.shiro.web.subject.WebSubject;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The filter Shiro's chain calls "page", in front of every page (not the API, which keeps its own
 * stateless Basic and bearer authentication). It
 * <ul>
 *   <li>finds the browser's session from its cookie and runs the request as that user (so the
 *       pages' calls into the application services are checked and audited as the API's are);
 *   <li>sends a visitor without a session to the login form (htmx requests get 401 and
 *       {@code HX-Redirect});
 *   <li>refuses, 403, a state-changing request (POST, PUT, PATCH, DELETE) whose CSRF token (header
 *       {@code X-CSRF-Token}, sent by htmx from {@code hx-headers} on the body, or form field
 *       {@code _csrf}) is not its session's; before login, the login form's token is compared with
 *       its own SameSite cookie;
 *   <li>adds {@code Server-Timing: app;dur=<ms>} (the page buffered until rendered; live streams,
 *       asked for with {@code Accept: text/event-stream}, are never buffered);
 *   <li>sets the pages' Content-Security-Policy: scripts, styles and connections from this origin
 *       only, no inline script, no framing.
 * </ul>
 */
public class PageFilter extends OncePerRequestFilter {

  public static final String SESSION_COOKIE = "reelx_session";
  public static final String LOGIN_CSRF_COOKIE = "reelx_login_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String CSRF_FIELD = "_csrf";
  /** The request attribute holding the {@link PageSessions.Session} (absent before login). */
  public static final String SESSION = PageFilter.class.getName() + ".session";

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
      + " frame-ancestors 'none'";

  /** Pages a visitor without a session may open. */
  private static final Set<String> PUBLIC = Set.of("/login");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final PageSessions sessions;

  public PageFilter(PageSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(ServletRequest req, ServletResponse res, FilterChain chain)
      throws jakarta.servlet.ServletException, IOException {
    HttpServletRequest request = (HttpServletRequest) req;
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/event-stream")) {
      filter(request, (HttpServletResponse) res, chain);   // a live stream: never buffered
      return;
    }
    // The page is buffered (pages are small) so that its server time can lead it as a header:
    // Server-Timing "app" is from here (before the session is looked up) to the page rendered.
    long started = System.nanoTime();
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper((HttpServletResponse) res);
    try {
      filter(request, buffered, chain);
    } finally {
      if (!buffered.isCommitted()) {
        buffered.setHeader("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f",
            (System.nanoTime() - started) / 1e6));
      }
      buffered.copyBodyToResponse();
    }
  }

  private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws jakarta.servlet.ServletException, IOException {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-store");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean safe = SAFE_METHODS.contains(request.getMethod());
    Optional<PageSessions.Session> session = sessions.find(cookie(request, SESSION_COOKIE));
    if (session.isEmpty()) {
      if (!PUBLIC.contains(path)) {
        toLogin(request, response, path, safe);
        return;
      }
      if (!safe && !sameToken(cookie(request, LOGIN_CSRF_COOKIE), csrfOf(request))) {
        refuse(response);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (!safe && !sameToken(session.get().csrfToken(), csrfOf(request))) {
      refuse(response);
      return;
    }
    request.setAttribute(SESSION, session.get());
    org.apache.shiro.subject.Subject subject = new WebSubject.Builder(SecurityUtils.getSecurityManager(), request, response)
        .principals(new SimplePrincipalCollection(session.get().user(), "page"))
        .authenticated(true)
        .sessionCreationEnabled(false)
        .buildSubject();
    try {
      subject.execute(() -> {
        chain.doFilter(request, response);
        return null;
      });
    } catch (org.apache.shiro.subject.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof jakarta.servlet.ServletException servlet) {
        throw servlet;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new jakarta.servlet.ServletException(cause);
    }
  }

  private static String csrfOf(HttpServletRequest request) {
    String header = request.getHeader(CSRF_HEADER);
    return header != null ? header : request.getParameter(CSRF_FIELD);
  }

  static boolean sameToken(String expected, String given) {
    return expected != null && given != null && !expected.isEmpty()
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (cookie.getName().equals(name)) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  private static void toLogin(HttpServletRequest request, HttpServletResponse response, String path, boolean safe)
      throws IOException {
    String query = request.getQueryString();
    String next = path + (query == null ? "" : "?" + query);
    String login = request.getContextPath() + "/login"
        + (safe && !path.equals("/") ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "");
    if (request.getHeader("HX-Request") != null) {
      response.setStatus(401);
      response.setHeader("HX-Redirect", login);
      return;
    }
    if (safe) {
      response.sendRedirect(login);
      return;
    }
    response.setStatus(401);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write("Sign in first: " + login);
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(403);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write("Refused: this form's CSRF token is missing or not this session's."
        + " Reload the page and try again.");
  }
}
