package io.reelx.exchange.identity.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reelx.exchange.identity.domain.OrganizationId;
import io.reelx.exchange.identity.domain.OrganizationKind;
import io.reelx.exchange.identity.query.IdentityRegister;
import io.reelx.exchange.identity.query.OrganizationView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

/** What the first start prints about the operator's password. */
class AdminBootstrapTest {

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(AdminBootstrap.class);
  private final IdentityService identity = mock(IdentityService.class);
  private final IdentityRegister register = mock(IdentityRegister.class);

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
    when(register.userByUsername(AdminBootstrap.ADMIN)).thenReturn(Optional.empty());
    when(register.organizations()).thenReturn(List.of(new OrganizationView(new OrganizationId("org-x"),
        AdminBootstrap.EXCHANGE_ORGANIZATION, OrganizationKind.EXCHANGE, "CN", Instant.EPOCH)));
    when(identity.registerUser(anyString(), anyString(), anyString(), any(), anySet())).thenReturn(null);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
  }

  @Test
  void a_password_from_reelx_admin_password_is_never_printed_not_even_with_demo() {
    MockEnvironment env = new MockEnvironment().withProperty("reelx.admin.password", "operator-secret-from-env");
    env.setActiveProfiles("demo");
    new AdminBootstrap(identity, register, env).run(new DefaultApplicationArguments());
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).contains("Created the operator account 'admin'"))
        .noneSatisfy(line -> assertThat(line).contains("operator-secret-from-env"));
  }

  @Test
  void a_password_made_up_for_the_demo_is_printed_once() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("demo");
    new AdminBootstrap(identity, register, env).run(new DefaultApplicationArguments());
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).matches("Created the operator account 'admin' with password \\S{16}"));
  }
}
