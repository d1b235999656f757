package io.reelx.exchange.identity.security;

import org.apache.shiro.authc.AuthenticationException;

/** Too many failed logins for this username or client address: answered 429 with Retry-After. */
public class LoginThrottled extends AuthenticationException {

  private final long retryAfterSeconds;

  public LoginThrottled(long retryAfterSeconds) {
    super("Too many failed logins; retry after " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
