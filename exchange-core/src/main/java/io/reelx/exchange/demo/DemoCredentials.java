package io.reelx.exchange.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The demo users' passwords, in {@code demo-credentials.txt} in the data directory, readable by
 * its owner only (0600). Lines are appended as users are created; the passwords exist nowhere
 * else (the exchange keeps hashes), so the file is the one place to find them. The operator's
 * password is never written here: it is {@code REELX_ADMIN_PASSWORD}, or printed once at first
 * start when the demo generated it.
 */
final class DemoCredentials {

  static final String FILE_NAME = "demo-credentials.txt";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path file;

  DemoCredentials(Path dataDir) {
    this.file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
  }

  Path file() {
    return file;
  }

  boolean exists() {
    return Files.isRegularFile(file);
  }

  /** Appends {@code lines}, creating the file owner-only (with a header) when it is missing. */
  void append(List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createFile(file);
        }
        Files.writeString(file, """
            # ReelX demo users (HTTP Basic: curl -u username:password ...). Keep this file private.
            # The operator 'admin' signs in with REELX_ADMIN_PASSWORD, or with the password printed
            # at the first start when it was not set.
            # username     password           role           organisation
            """, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
      ownerOnly();
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the demo credentials to " + file, e);
    }
  }

  /** Tightens the file to 0600 if it exists (e.g. copied in with wider permissions). */
  void ownerOnly() throws IOException {
    if (Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }
}
