package io.reelx.exchange.shared.web;

import jakarta.validation.Validator;
import jakarta.validation.metadata.MethodDescriptor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;

/**
 * Method validation (the {@code @Validated} generated API interfaces) only where a method has
 * something to validate. Spring's interceptor asks the validator about every call, on every
 * controller, whether or not the method declares a constraint: on {@code GET /api/v1/me} that was
 * the largest single item of Spring MVC's share of the request. Here the validator's own metadata
 * says once per method whether its parameters or return value are constrained or cascaded
 * ({@code @Valid}); a method with neither is called directly, one with either goes through Spring's
 * interceptor exactly as before (same groups, same {@code ConstraintViolationException}).
 * <p>Replaces Spring Boot's post-processor with the same settings: its exclude filters, target-class
 * proxies unless {@code spring.aop.proxy-target-class=false}, and
 * {@code spring.validation.method.adapt-constraint-violations}.
 */
@Configuration(proxyBeanMethods = false)
public class ConstrainedMethodValidation {

  @Bean
  static FilteredMethodValidationPostProcessor methodValidationPostProcessor(Environment environment,
      ObjectProvider<Validator> validator, ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
    FilteredMethodValidationPostProcessor processor = new FilteredMethodValidationPostProcessor(
        excludeFilters.orderedStream()) {
      @Override
      protected Advice createMethodValidationAdvice(Supplier<Validator> validatorSupplier) {
        return new OnlyWhereConstrained((MethodInterceptor) super.createMethodValidationAdvice(validatorSupplier),
            validatorSupplier);
      }
    };
    processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
    processor.setAdaptConstraintViolations(
        environment.getProperty("spring.validation.method.adapt-constraint-violations", Boolean.class, false));
    processor.setValidatorProvider(validator);
    return processor;
  }

  /** Calls {@link MethodValidationInterceptor} only for methods the validator has constraints for. */
  public static final class OnlyWhereConstrained implements MethodInterceptor {

    private final MethodInterceptor validation;
    private final Supplier<Validator> validator;
    /** Per implementation class and method: whether anything about a call can be invalid. */
    private final Map<Class<?>, Map<Method, Boolean>> constrained = new ConcurrentHashMap<>();

    OnlyWhereConstrained(MethodInterceptor validation, Supplier<Validator> validator) {
      this.validation = validation;
      this.validator = validator;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
      Object target = invocation.getThis();
      if (target == null || constrained(AopUtils.getTargetClass(target), invocation.getMethod())) {
        return validation.invoke(invocation);
      }
      return invocation.proceed();
    }

    boolean constrained(Class<?> type, Method method) {
      return constrained.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(method, m -> {
        // the validator's metadata covers constraints declared on interfaces and superclasses
        MethodDescriptor descriptor = validator.get().getConstraintsForClass(type)
            .getConstraintsForMethod(m.getName(), m.getParameterTypes());
        return descriptor != null && (descriptor.hasConstrainedParameters() || descriptor.hasConstrainedReturnValue());
      });
    }
  }
}
