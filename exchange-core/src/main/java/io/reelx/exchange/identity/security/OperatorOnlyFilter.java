package io.reelx.exchange.identity.security;

import io.reelx.exchange.identity.domain.Role;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.shiro.web.filter.authz.AuthorizationFilter;

/**
 * Lets through only an authenticated operator (Shiro's chain runs {@code api} first, which
 * answers 401 without credentials); anyone else is answered 403 with a problem document.
 */
class OperatorOnlyFilter extends AuthorizationFilter {

  @Override
  protected boolean isAccessAllowed(ServletRequest request, ServletResponse response, Object mappedValue) {
    return getSubject(request, response).hasRole(Role.OPERATOR.name());
  }

  @Override
  protected boolean onAccessDenied(ServletRequest request, ServletResponse response) throws IOException {
    HttpServletResponse http = (HttpServletResponse) response;
    http.setStatus(403);
    http.setContentType("application/problem+json;charset=UTF-8");
    http.getWriter().write("{\"type\":\"https://reelx.io/problems/forbidden\",\"title\":\"Forbidden\","
        + "\"status\":403,\"code\":\"forbidden\",\"detail\":\"Operators' endpoints need the role OPERATOR\"}");
    return false;
  }
}
