package io.reelx.exchange.shared.web;

import java.io.IOException;

/** A request body went past the size its content type is allowed (answered 413). */
public class BodyTooLarge extends IOException {

  public BodyTooLarge(long limit) {
    super("The request body is larger than the " + limit + " bytes this operation accepts");
  }
}
