package io.reelx.exchange.identity.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.web.filter.authc.AuthenticatingFilter;

/**
 * Authenticates every API request from its {@code Authorization} header, HTTP Basic or
 * {@code Bearer <api token>}; no session is kept between requests. A missing or bad credential
 * is answered 401 with a problem document; too many failed logins in a row, 429 with
 * {@code Retry-After}.
 */
public class ApiAuthenticationFilter extends AuthenticatingFilter {

  private static final String FAILURE = ApiAuthenticationFilter.class.getName() + ".failure";

  @Override
  protected AuthenticationToken createToken(ServletRequest request, ServletResponse response) {
    String header = ((HttpServletRequest) request).getHeader("Authorization");
    if (header == null) {
      return new UsernamePasswordToken();
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new BearerToken(header.substring(7).trim(), request.getRemoteAddr());
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          return new UsernamePasswordToken(
              decoded.substring(0, colon), decoded.substring(colon + 1), false, request.getRemoteAddr());
        }
      } catch (IllegalArgumentException malformed) {
        // falls through to an empty token, refused below
      }
    }
    return new UsernamePasswordToken();
  }

  @Override
  protected boolean onAccessDenied(ServletRequest request, ServletResponse response)
      throws Exception {
    if (((HttpServletRequest) request).getHeader("Authorization") != null
        && executeLogin(request, response)) {
      return true;
    }
    if (request.getAttribute(FAILURE) instanceof LoginThrottled throttled) {
      tooManyAttempts((HttpServletResponse) response, throttled.retryAfterSeconds());
    } else {
      unauthorized((HttpServletResponse) response);
    }
    return false;
  }

  @Override
  protected boolean onLoginFailure(
      AuthenticationToken token,
      org.apache.shiro.authc.AuthenticationException e,
      ServletRequest request,
      ServletResponse response) {
    request.setAttribute(FAILURE, e);
    return false;
  }

  private static void unauthorized(HttpServletResponse response) throws IOException {
    response.setStatus(401);
    response.setHeader("WWW-Authenticate", "Basic realm=\"reelx\", Bearer realm=\"reelx\"");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"https://reelx.io/problems/unauthenticated\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"code\":\"unauthenticated\",\"detail\":\"Valid HTTP Basic "
                + "credentials or a bearer API token are required\"}");
  }

  private static void tooManyAttempts(HttpServletResponse response, long retryAfterSeconds) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"https://reelx.io/problems/too-many-failed-logins\",\"title\":\"Too Many Requests\","
                + "\"status\":429,\"code\":\"too-many-failed-logins\",\"detail\":\"Too many failed logins for"
                + " this username or from this address; retry after " + retryAfterSeconds + " seconds\"}");
  }
}
