package io.reelx.exchange.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;

/**
 * Method validation still refuses what it refused (constraints declared on an interface, as the
 * generated API declares them, and cascaded bodies) and no longer asks the validator about methods
 * with nothing to validate.
 */
class ConstrainedMethodValidationTest {

  @Validated
  interface Api {
    String page(@Min(0) Integer page);

    String create(@Valid Body body);

    String plain(String anything);

    @NotNull
    String answer();
  }

  record Body(@NotNull String name) {
  }

  static class Controller implements Api {
    @Override
    public String page(Integer page) {
      return "page " + page;
    }

    @Override
    public String create(Body body) {
      return "created " + body.name();
    }

    @Override
    public String plain(String anything) {
      return "plain " + anything;
    }

    @Override
    public String answer() {
      return null;
    }
  }

  static ValidatorFactory factory;
  final AtomicInteger validations = new AtomicInteger();

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  Api proxy() {
    Validator validator = factory.getValidator();
    MethodInterceptor spring = new MethodValidationInterceptor(() -> validator);
    MethodInterceptor counted = invocation -> {
      validations.incrementAndGet();
      return spring.invoke(invocation);
    };
    ProxyFactory proxies = new ProxyFactory(new Controller());
    proxies.setProxyTargetClass(true);
    proxies.addAdvice(new ConstrainedMethodValidation.OnlyWhereConstrained(counted, () -> validator));
    return (Api) proxies.getProxy();
  }

  @Test
  void constrainedParametersAreStillValidated() {
    Api api = proxy();
    assertThat(api.page(0)).isEqualTo("page 0");
    assertThatThrownBy(() -> api.page(-1)).isInstanceOf(ConstraintViolationException.class)
        .hasMessageContaining("greater than or equal to 0");
    assertThat(validations).hasValue(2);
  }

  @Test
  void cascadedBodiesAndReturnValuesAreStillValidated() {
    Api api = proxy();
    assertThat(api.create(new Body("x"))).isEqualTo("created x");
    assertThatThrownBy(() -> api.create(new Body(null))).isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(api::answer).isInstanceOf(ConstraintViolationException.class);
    assertThat(validations).hasValue(3);
  }

  @Test
  void methodsWithNothingToValidateAreCalledDirectly() {
    Api api = proxy();
    assertThat(api.plain(null)).isEqualTo("plain null");
    assertThat(api.plain("again")).isEqualTo("plain again");
    assertThat(validations).hasValue(0);
  }
}
