package io.reelx.exchange.web;

import io.reelx.exchange.identity.security.CurrentUser;
import io.reelx.exchange.identity.security.LoginThrottled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign in with a form, sign out. The password is checked by the same realm as the API's Basic
 * authentication, so failed logins are throttled and audited the same way. A successful login
 * opens a new session (any session the browser had is ended: no session fixation) in a cookie
 * that scripts cannot read ({@code HttpOnly}), other sites' forms do not send
 * ({@code SameSite=Lax}), and that travels only over TLS when the request came over TLS.
 */
@PageController
public class LoginPage {

  private final PageSessions sessions;

  public LoginPage(PageSessions sessions) {
    this.sessions = sessions;
  }

  @GetMapping("/login")
  public String form(@RequestParam(name = "next", required = false) String next, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    if (PageModel.session(request) != null) {
      return "redirect:" + safeNext(next);
    }
    model.addAttribute("loginCsrf", loginCsrf(request, response));
    model.addAttribute("next", safeNext(next));
    return "login";
  }

  @PostMapping("/login")
  public String login(@RequestParam(name = "username", defaultValue = "") String username,
      @RequestParam(name = "password", defaultValue = "") String password,
      @RequestParam(name = "next", required = false) String next,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    try {
      AuthenticationInfo info = SecurityUtils.getSecurityManager()
          .authenticate(new UsernamePasswordToken(username, password, false, request.getRemoteAddr()));
      CurrentUser user = (CurrentUser) info.getPrincipals().getPrimaryPrincipal();
      sessions.end(PageFilter.cookie(request, PageFilter.SESSION_COOKIE));
      PageSessions.Opened opened = sessions.open(user);
      response.addHeader(HttpHeaders.SET_COOKIE, sessionCookie(request, opened.token(), false).toString());
      response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(PageFilter.LOGIN_CSRF_COOKIE, "")
          .path("/login").maxAge(0).httpOnly(true).sameSite("Strict").secure(request.isSecure()).build().toString());
      return "redirect:" + safeNext(next);
    } catch (LoginThrottled throttled) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
      model.addAttribute("error", "login.throttled");
      model.addAttribute("retryAfter", throttled.retryAfterSeconds());
    } catch (AuthenticationException | ClassCastException refused) {
      response.setStatus(401);
      model.addAttribute("error", "login.refused");
    }
    model.addAttribute("username", username);
    model.addAttribute("loginCsrf", loginCsrf(request, response));
    model.addAttribute("next", safeNext(next));
    return "login";
  }

  @PostMapping("/logout")
  public String logout(HttpServletRequest request, HttpServletResponse response) {
    sessions.end(PageFilter.cookie(request, PageFilter.SESSION_COOKIE));
    response.addHeader(HttpHeaders.SET_COOKIE, sessionCookie(request, "", true).toString());
    return "redirect:/login?signedOut";
  }

  static ResponseCookie sessionCookie(HttpServletRequest request, String token, boolean expire) {
    ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(PageFilter.SESSION_COOKIE, token)
        .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure());
    return (expire ? cookie.maxAge(0) : cookie).build();
  }

  /** The login form's own CSRF token (double submit: its cookie and the form's field must agree). */
  private static String loginCsrf(HttpServletRequest request, HttpServletResponse response) {
    String token = PageFilter.cookie(request, PageFilter.LOGIN_CSRF_COOKIE);
    if (token == null || token.length() != 43) {
      token = PageSessions.randomToken();
      response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(PageFilter.LOGIN_CSRF_COOKIE, token)
          .path("/login").httpOnly(true).sameSite("Strict").secure(request.isSecure()).build().toString());
    }
    return token;
  }

  /** Only a path on this site (no "//host", no scheme): never an open redirect. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.contains("\r") || next.contains("\n") || next.startsWith("/login")) {
      return "/";
    }
    return next;
  }
}
