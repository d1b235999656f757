package io.reelx.exchange.config;

import io.reelx.exchange.identity.command.AdminPassword;
import io.reelx.exchange.shared.startup.StartupProblem;
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
 * needs {@code REELX_ADMIN_PASSWORD} as {@link AdminPassword} requires (or {@code --demo}).
 *
 * <p>Registered in {@code META-INF/spring.factories}; runs once the application context is prepared
 * (every property source in place, including a test's dynamic properties) and before any bean is
 * created.
 */
public class StartupChecks implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

  /** Before {@link EarlyDatabaseStart}, which starts the database once the settings are checked. */
  static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

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
      AdminPassword.checkLength(env.getProperty("reelx.admin.password", ""));
      return;
    }
    Path dataDir = Path.of(env.getProperty("reelx.data-dir", "./data")).toAbsolutePath().normalize();
    boolean firstStart = !Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"));
    checkWritable(dataDir);
    boolean demo = Arrays.asList(env.getActiveProfiles()).contains("demo");
    String password = env.getProperty("reelx.admin.password", "");
    if (firstStart && password.isBlank() && !demo) {
      throw AdminPassword.missing();
    }
    if (firstStart) {
      AdminPassword.checkLength(password);
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

  /** Reports a {@link StartupProblem} as its own line, without a stack trace. */
  public static class Analyzer extends AbstractFailureAnalyzer<StartupProblem> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem cause) {
      return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
  }
}
