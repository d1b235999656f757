package io.reelx.exchange.architecture.planted.contract.web;

import io.reelx.exchange.architecture.planted.listing.web.Helper;

/** Offender: contract's web layer reaches into listing's. */
public class UsesListingWeb {
  public String code() {
    return Helper.code("X");
  }
}
