package io.reelx.exchange.identity.command;

import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.domain.Role;
import io.reelx.exchange.identity.query.IdentityRegister;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the exchange's own organisation and the operator account {@code admin}
 * with the password from {@code REELX_ADMIN_PASSWORD}. Without it the exchange refuses to start,
 * unless the demo profile is on, which generates one and prints it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminBootstrap implements ApplicationRunner {

  public static final String ADMIN = "admin";
  public static final String EXCHANGE_ORGANIZATION = "ReelX Exchange";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final IdentityService identity;
  private final IdentityRegister register;
  private final Environment env;

  public AdminBootstrap(IdentityService identity, IdentityRegister register, Environment env) {
    this.identity = identity;
    this.register = register;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (register.userByUsername(ADMIN).isPresent()) {
      return;
    }
    String password = env.getProperty("reelx.admin.password", "");
    boolean demo = Arrays.asList(env.getActiveProfiles()).contains("demo");
    // StartupChecks reports these before the start on the embedded database; on an external one
    // only now is it known that this is a first start
    AdminPassword.checkLength(password);
    boolean generated = password.isBlank();
    if (generated) {
      if (!demo) {
        throw AdminPassword.missing();
      }
      byte[] random = new byte[12];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    var exchange = register.organizations().stream()
        .filter(o -> o.kind() == OrganizationKind.EXCHANGE && o.name().equals(EXCHANGE_ORGANIZATION))
        .findFirst()
        .orElseGet(() -> identity.createOrganization(EXCHANGE_ORGANIZATION, OrganizationKind.EXCHANGE, "CN"));
    identity.registerUser(ADMIN, password, "Exchange operator", exchange.id(), Set.of(Role.OPERATOR));
    // Only a password made up here is printed; one from REELX_ADMIN_PASSWORD never reaches a log.
    log.info("Created the operator account '{}'{}", ADMIN, generated ? " with password " + password : "");
  }
}
