package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.reelx.exchange.ReelxApplication;
import io.reelx.exchange.shared.startup.StartupProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A start with a wrong setting fails at once, before the database or anything slow starts, and
 * says why in one line without a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

  @Test
  void a_first_start_without_an_operator_password_names_it(@TempDir Path data, CapturedOutput output) {
    Throwable failure = start("--reelx.data-dir=" + data, "--reelx.admin.password=");

    assertThat(failure).isInstanceOf(StartupProblem.class)
        .hasMessageContaining("REELX_ADMIN_PASSWORD is not set");
    assertThat(data.resolve("postgres")).as("no database was started").doesNotExist();
    assertThat(output.getOut() + output.getErr())
        .contains("First start: REELX_ADMIN_PASSWORD is not set")
        .doesNotContain("\tat ");
  }

  @Test
  void a_short_operator_password_is_refused_before_the_start(@TempDir Path data) {
    Throwable failure = start("--reelx.data-dir=" + data, "--reelx.admin.password=short");

    assertThat(failure).isInstanceOf(StartupProblem.class)
        .hasMessage("REELX_ADMIN_PASSWORD has 5 characters (5 bytes); it must have at least 12 characters and at most 72 bytes in UTF-8");
    assertThat(data.resolve("postgres")).doesNotExist();
  }

  @Test
  void a_data_directory_that_cannot_be_written_is_named_with_the_reason(@TempDir Path temp, CapturedOutput output)
      throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory");

    Throwable failure = start("--reelx.data-dir=" + file.resolve("data"), "--reelx.admin.password=long-enough-password");

    assertThat(failure).isInstanceOf(StartupProblem.class)
        .hasMessageStartingWith("The data directory " + file.resolve("data") + " (reelx.data-dir, env REELX_DATA_DIR)"
            + " is not a writable directory: Not a directory");
    assertThat(output.getOut() + output.getErr()).doesNotContain("\tat ");
  }

  private static Throwable start(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--server.port=0";
    System.arraycopy(args, 0, all, 1, args.length);
    return catchThrowable(() -> new SpringApplicationBuilder(ReelxApplication.class).run(all).close());
  }
}
