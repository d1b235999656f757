package io.reelx.exchange;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ReelX exchange. {@code --demo} switches on the demo profile, which seeds a market to drive
 * at once (a live auction, open sales, an active licence being settled; see
 * {@code io.reelx.exchange.demo.DemoSeeder}) and writes its users' passwords to
 * {@code demo-credentials.txt} in the data directory.
 */
@SpringBootApplication(
    excludeName = "org.apache.shiro.spring.boot.autoconfigure.ShiroBeanAutoConfiguration")
public class ReelxApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(ReelxApplication.class);
    if (Arrays.asList(args).contains("--demo")) {
      app.setAdditionalProfiles("demo");
    }
    app.run(Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new));
  }
}
