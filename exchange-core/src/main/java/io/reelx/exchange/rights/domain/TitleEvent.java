package io.reelx.exchange.rights.domain;

/** Facts about a title and the rights its owner holds in it. */
public sealed interface TitleEvent permits TitleRegistered, HoldingRecorded {
  TitleId titleId();
}
