package io.reelx.exchange.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL left running by a previous run that died without stopping it (kill -9,
 * power loss of the JVM only, OOM killer): its postmaster keeps the data directory locked through
 * {@code postmaster.pid}, so a new start would fail. It is stopped, with a fast shutdown (no data
 * loss: committed work is on disk, open transactions of the dead JVM are rolled back), before the
 * new postmaster starts.
 *
 * <p>Only a live process that really is a postmaster working in this data directory is stopped, and
 * only when no running JVM holds the directory's {@code epg-lock} (another exchange on the same
 * directory is refused instead). A stale pid file (the process is gone, or the pid now belongs to
 * another program) is left to PostgreSQL, which detects and replaces it itself.
 */
final class LeftoverPostmaster {

  private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);
  /** The lock file zonky's EmbeddedPostgres holds for as long as its JVM runs the database. */
  private static final String OWNER_LOCK = "epg-lock";

  private LeftoverPostmaster() {}

  /** Stops the postmaster a previous run left on {@code dataDirectory}, if any; waits until it is gone. */
  static void stopIfRunning(Path dataDirectory) {
    Optional<ProcessHandle> leftover = find(dataDirectory);
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle postmaster = leftover.get();
    // the JVM that starts an embedded PostgreSQL holds this lock while it runs: if the lock is
    // free, the run that started the postmaster is gone; if not, it is another live exchange
    try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock owner = tryLock(channel)) {
      if (owner == null) {
        throw new IllegalStateException("Another running exchange uses the embedded PostgreSQL in " + dataDirectory
            + " (postmaster pid " + postmaster.pid() + "); stop it, or give this one another REELX_DATA_DIR");
      }
      log.warn("A PostgreSQL left running by a previous run (pid {}) holds {}: stopping it", postmaster.pid(),
          dataDirectory);
      if (!stopWithPgCtl(postmaster, dataDirectory)) {
        // SIGTERM: PostgreSQL's smart shutdown; the dead JVM's connections are already closed
        postmaster.destroy();
      }
      awaitExit(postmaster, dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + dataDirectory.resolve(OWNER_LOCK), e);
    }
    log.info("Stopped the leftover PostgreSQL (pid {})", postmaster.pid());
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this JVM: an embedded database of this process runs there
    }
  }

  private static void awaitExit(ProcessHandle postmaster, Path dataDirectory) {
    try {
      postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL " + postmaster.pid(), e);
    } catch (Exception e) {
      throw new IllegalStateException("The PostgreSQL left running by a previous run (pid " + postmaster.pid()
          + ") on " + dataDirectory + " did not stop within " + STOP_WAIT.toSeconds() + " s; stop it and start again",
          e);
    }
  }

  /** The live postmaster named by the data directory's {@code postmaster.pid}, if it works in that directory. */
  static Optional<ProcessHandle> find(Path dataDirectory) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      log.warn("Cannot read {}: {}", dataDirectory.resolve("postmaster.pid"), e.toString());
      return Optional.empty();
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (pid == ProcessHandle.current().pid()) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> isPostmasterIn(p, dataDirectory));
  }

  private static boolean isPostmasterIn(ProcessHandle process, Path dataDirectory) {
    Optional<String> command = process.info().command();
    if (command.isEmpty() || !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
      return false;
    }
    // the postmaster works in its data directory (Linux shows it as the process's cwd); elsewhere
    // its command line names the directory after -D
    Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
    try {
      if (Files.exists(cwd)) {
        return Files.isSameFile(cwd, dataDirectory);
      }
    } catch (IOException e) {
      return false;
    }
    String directory = dataDirectory.toString();
    return process.info().arguments().map(List::of).orElse(List.of()).stream()
        .anyMatch(a -> a.equals(directory) || a.equals("-D" + directory));
  }

  /** {@code pg_ctl stop -m fast} from the binaries the postmaster runs from. */
  private static boolean stopWithPgCtl(ProcessHandle postmaster, Path dataDirectory) {
    Optional<Path> pgCtl = postmaster.info().command().map(c -> Path.of(c).resolveSibling("pg_ctl"))
        .filter(Files::isExecutable);
    if (pgCtl.isEmpty()) {
      return false;
    }
    try {
      Process stop = new ProcessBuilder(pgCtl.get().toString(), "-D", dataDirectory.toString(), "stop", "-m", "fast",
          "-w", "-t", Long.toString(STOP_WAIT.toSeconds()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return stop.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS) && stop.exitValue() == 0;
    } catch (IOException e) {
      log.warn("pg_ctl stop failed: {}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
