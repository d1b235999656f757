package io.reelx.exchange.rights.ema.sheet;

/**
 * Bounds on what an imported file may make the server do: data rows, bytes of one unpacked part
 * (zip entry) and the smallest compression ratio (a zip bomb packs far tighter than any sheet), in basis points of the packed size: 100 = 1%.
 */
public record ReadLimits(int maxRows, long maxUnpackedPartBytes, int minInflateBasisPoints, int maxCellChars) {
  public static ReadLimits defaults() {
    return new ReadLimits(100_000, 100L * 1024 * 1024, 100, 32_767);
  }
}
