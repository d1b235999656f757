package io.reelx.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable shell blocks of a markdown file: each ```bash fence that follows a line
 * {@code <!-- walkthrough: run -->}, in order, run as one bash script (as if pasted into one
 * shell) that stops at the first failing command.
 */
public final class Walkthroughs {

  public static final String MARKER = "<!-- walkthrough: run -->";

  private Walkthroughs() {}

  /** The marked ```bash blocks of {@code markdown}, in order. */
  public static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].strip().equals(MARKER)) {
        continue;
      }
      int fence = i + 1;
      while (fence < lines.length && lines[fence].isBlank()) {
        fence++;
      }
      if (fence >= lines.length || !lines[fence].strip().equals("```bash")) {
        throw new IllegalArgumentException("Line " + (i + 1) + ": " + MARKER + " must be followed by a ```bash block");
      }
      StringBuilder block = new StringBuilder();
      int line = fence + 1;
      for (; line < lines.length && !lines[line].strip().equals("```"); line++) {
        block.append(lines[line]).append('\n');
      }
      if (line >= lines.length) {
        throw new IllegalArgumentException("Line " + (fence + 1) + ": the ```bash block is never closed");
      }
      blocks.add(block.toString());
      i = line;
    }
    return blocks;
  }

  /** What a run printed (stdout and stderr, with bash's trace of each command) and how it ended. */
  public record Run(int exitCode, String output) {}

  /**
   * Runs {@code blocks} as one script with bash in {@code directory}, environment {@code env}
   * added, stopping at the first failure ({@code set -euo pipefail}), for at most {@code timeout}.
   */
  public static Run run(List<String> blocks, Path directory, Map<String, String> env, java.time.Duration timeout) {
    try {
      Path script = Files.createTempFile("reelx-walkthrough-", ".sh");
      Path output = Files.createTempFile("reelx-walkthrough-", ".log");
      try {
        Files.writeString(script, "set -euo pipefail\nPS4='+ walkthrough: '\nset -x\n"
            + String.join("\n", blocks), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
          return new Run(-1, Files.readString(output) + "\n(killed: still running after " + timeout + ")");
        }
        return new Run(process.exitValue(), Files.readString(output));
      } finally {
        Files.deleteIfExists(script);
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
