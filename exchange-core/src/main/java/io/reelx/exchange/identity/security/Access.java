package io.reelx.exchange.identity.security;

import io.reelx.exchange.identity.domain.Role;
import java.util.Arrays;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authz.UnauthorizedException;
import org.springframework.stereotype.Component;

/** Role checks for the web layer; instance checks (own organisation) stay with each resource. */
@Component
public class Access {

  public CurrentUser current() {
    Object principal = SecurityUtils.getSubject().getPrincipal();
    if (principal instanceof CurrentUser user) {
      return user;
    }
    throw new org.apache.shiro.authz.UnauthenticatedException("Not authenticated");
  }

  /** The current user, who must hold at least one of {@code roles}; otherwise 403. */
  public CurrentUser require(Role... roles) {
    CurrentUser user = current();
    if (!user.hasAny(roles)) {
      throw new UnauthorizedException(
          "This needs one of the roles " + Arrays.toString(roles) + "; you have " + user.roles());
    }
    return user;
  }
}
