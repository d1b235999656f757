package io.reelx.exchange.architecture.planted.listing.command;

import org.apache.shiro.authz.UnauthorizedException;

/** Offender: a command package checks security with Shiro. */
public class RefusesWithShiro {
  public void refuse() {
    throw new UnauthorizedException("no");
  }
}
