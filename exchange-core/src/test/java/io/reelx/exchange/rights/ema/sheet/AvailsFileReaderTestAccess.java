package io.reelx.exchange.rights.ema.sheet;

import java.io.IOException;

/** Lets the integration tests build the same hostile packages as the reader's unit test. */
public final class AvailsFileReaderTestAccess {
  private AvailsFileReaderTestAccess() {}

  public static byte[] zipBomb(int unpackedBytes) throws IOException {
    return AvailsFileReaderTest.zipBomb(unpackedBytes);
  }

  public static byte[] controlCharacters() throws IOException {
    return AvailsFileReaderTest.controlCharacters();
  }
}
