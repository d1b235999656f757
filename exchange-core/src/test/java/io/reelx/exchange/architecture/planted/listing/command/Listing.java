package io.reelx.exchange.architecture.planted.listing.command;

import org.apache.shiro.authz.UnauthorizedException;

/** Uses Shiro like main's Listing, which is a listed exception: not reported. */
public class Listing {
  public void refuse() {
    throw new UnauthorizedException("no");
  }
}
