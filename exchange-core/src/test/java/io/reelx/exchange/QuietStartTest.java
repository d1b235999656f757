package io.reelx.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A normal start, as {@code main} does it on a fresh data directory, says nothing alarming: no
 * WARN or ERROR line (none of Spring's "not eligible for getting processed by all
 * BeanPostProcessors"), and no banner but Spring's.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietStartTest {

  @Test
  void a_normal_start_logs_no_warning_and_no_banner_but_springs(CapturedOutput output) throws Exception {
    Path data = Files.createTempDirectory("reelx-quiet-");
    String log;
    try (ConfigurableApplicationContext app = ReelxApplication.start("--server.port=0",
        "--reelx.data-dir=" + data, "--reelx.embedded-postgres.fsync=false",
        "--reelx.admin.password=quiet-start-admin-password")) {
      assertThat(app.isRunning()).isTrue();
      log = output.getOut() + output.getErr(); // the start only, not the stop
    }
    assertThat(log).contains(" Started ");
    List<String> alarming = Arrays.stream(log.split("\\R"))
        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
        .toList();
    assertThat(alarming).as("WARN and ERROR lines of a normal start").isEmpty();
    assertThat(log).doesNotContain("BeanPostProcessorChecker").doesNotContain("AxonIQ Console")
        .doesNotContain("#####");
  }
}
