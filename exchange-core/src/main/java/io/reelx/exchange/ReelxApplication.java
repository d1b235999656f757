package io.reelx.exchange;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ReelX exchange. {@code --demo} switches on the demo profile, which seeds a market to drive
 * at once (a live auction, open sales, an active licence being settled; see
 * {@code io.reelx.exchange.demo.DemoSeeder}) and writes its users' passwords to
 * {@code demo-credentials.txt} in the data directory.
 */
@SpringBootApplication(excludeName = {
    "org.apache.shiro.spring.boot.autoconfigure.ShiroBeanAutoConfiguration",
    // Shiro's annotations (@RequiresRoles...) are not used; its proxy creator and advisor would be
    // created with every bean they need (security manager, realm, database) before any other bean
    "org.apache.shiro.spring.boot.autoconfigure.ShiroAnnotationProcessorAutoConfiguration"})
public class ReelxApplication {

  public static void main(String[] args) {
    start(args);
  }

  static ConfigurableApplicationContext start(String... args) {
    // no advertisement banner for a console the exchange does not use
    if (System.getProperty("disable-axoniq-console-message") == null) {
      System.setProperty("disable-axoniq-console-message", "true");
    }
    SpringApplication app = new SpringApplication(ReelxApplication.class);
    if (Arrays.asList(args).contains("--demo")) {
      app.setAdditionalProfiles("demo");
    }
    return app.run(Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new));
  }
}
