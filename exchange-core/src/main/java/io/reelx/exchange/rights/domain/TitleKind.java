package io.reelx.exchange.rights.domain;

public enum TitleKind {
  SERIES,
  MICRO_DRAMA,
  FILM,
  ANIMATION,
  DOCUMENTARY
}
