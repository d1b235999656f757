package io.reelx.exchange.config;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Checks the configuration an operator gives before anything slow starts (no bean, no database
 * yet), so that a wrong setting is reported in one line at once instead of
 * inside a stack trace after a full start: the data directory must be writable, and a first start
 * needs {@code REELX_ADMIN_PASSWORD} of 12 to 128 characters (or {@code --demo}).
 *
 * <p>Registered in {@code META-INF/spring.factories}; runs once the application context is prepared
 * (every property source in place, including a test's dynamic properties) and before any bean is
 * created.
 */
public class StartupChecks implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

  /** Before {@link EarlyDatabaseStart}, which starts the database once the settings are checked. */
  static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;
  static final int MIN_PASSWORD = 12;
  /** bcrypt reads at most 72 bytes of a password: a longer one could not be checked as typed. */
  static final int MAX_PASSWORD_BYTES = 72;

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    check(event.getApplicationContext().getEnvironment());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  static void check(ConfigurableEnvironment env) {
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
      // an external database: whether this is a first start is known once it answers (AdminBootstrap)
      checkPasswordLength(env.getProperty("reelx.admin.password", ""));
      return;
    }
    Path dataDir = Path.of(env.getProperty("reelx.data-dir", "./data")).toAbsolutePath().normalize();
    boolean firstStart = !Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"));
    checkWritable(dataDir);
    boolean demo = Arrays.asList(env.getActiveProfiles()).contains("demo");
    String password = env.getProperty("reelx.admin.password", "");
    if (firstStart && password.isBlank() && !demo) {
      throw new StartupProblem(missingPassword(), "Set REELX_ADMIN_PASSWORD, or start with --demo.");
    }
    if (firstStart) {
      checkPasswordLength(password);
    }
  }

  /** The message for a first start without an operator password. */
  public static String missingPassword() {
    return "First start: REELX_ADMIN_PASSWORD is not set; it is needed (" + MIN_PASSWORD + " characters to "
        + MAX_PASSWORD_BYTES + " bytes in UTF-8) to create the operator account 'admin'";
  }

  /** Refuses an operator password that is set but cannot be used. */
  public static void checkPasswordLength(String password) {
    if (password.isBlank()) {
      return;
    }
    int bytes = password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (password.length() < MIN_PASSWORD || bytes > MAX_PASSWORD_BYTES) {
      throw new StartupProblem("REELX_ADMIN_PASSWORD has " + password.length() + " characters (" + bytes
          + " bytes); it must have at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD_BYTES
          + " bytes in UTF-8", password.length() < MIN_PASSWORD ? "Set a longer REELX_ADMIN_PASSWORD."
          : "Set a shorter REELX_ADMIN_PASSWORD.");
    }
  }

  private static void checkWritable(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Files.delete(Files.createTempFile(dataDir, ".write-check-", ""));
    } catch (IOException | SecurityException e) {
      throw new StartupProblem("The data directory " + dataDir + " (reelx.data-dir, env REELX_DATA_DIR) is not a"
          + " writable directory: " + reason(e, dataDir), "Point REELX_DATA_DIR to a directory this user can write.");
    }
  }

  private static String reason(Exception e, Path dataDir) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + (dataDir.toString().equals(fs.getFile()) ? "" : " (" + fs.getFile() + ")");
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  /** A setting that keeps the exchange from starting; its message says which and why, in one line. */
  public static class StartupProblem extends IllegalStateException {
    private final String action;

    public StartupProblem(String message, String action) {
      super(message);
      this.action = action;
    }

    public String action() {
      return action;
    }
  }

  /** Reports a {@link StartupProblem} as its own line, without a stack trace. */
  public static class Analyzer extends AbstractFailureAnalyzer<StartupProblem> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem cause) {
      return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
  }
}
