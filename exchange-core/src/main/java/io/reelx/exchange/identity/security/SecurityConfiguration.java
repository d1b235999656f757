package io.reelx.exchange.identity.security;

import java.time.Clock;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.event.EventBus;
import org.apache.shiro.event.support.DefaultEventBus;
import org.apache.shiro.mgt.DefaultSessionStorageEvaluator;
import org.apache.shiro.mgt.RememberMeManager;
import org.apache.shiro.mgt.SessionStorageEvaluator;
import org.apache.shiro.realm.Realm;
import org.apache.shiro.spring.LifecycleBeanPostProcessor;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.SubjectContext;
import org.apache.shiro.spring.web.config.DefaultShiroFilterChainDefinition;
import org.apache.shiro.spring.web.ShiroFilterFactoryBean;
import org.apache.shiro.spring.web.config.ShiroFilterChainDefinition;
import org.apache.shiro.web.servlet.AbstractShiroFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shiro for a stateless API: every {@code /api/**} request authenticates itself (Basic or
 * bearer) and no session is created. Shiro's own {@code eventBus} bean is excluded (it collides
 * with Axon's), so its event bus is declared here under another name.
 *
 * <p>Everything that is neither API, actuator nor a static asset is a page of the web workspace,
 * behind the filter named "page" (declared with the pages, in {@code io.reelx.exchange.web}): a
 * session cookie backed by PostgreSQL, and CSRF tokens.
 *
 * <p>Operators' endpoints under {@code /actuator} (metrics for Prometheus) need an operator's
 * credentials; {@code health} and {@code info} stay open for load balancers and probes.
 *
 * <p>Shiro's filter factory is also a bean post-processor (it collects the {@code Filter} beans by
 * name), so Spring creates it before any other bean. Declared here as a static method whose
 * collaborators are looked up only when the filter is built, it no longer drags the security
 * manager, the realm and with them the database into that early phase (no bean "not eligible
 * for getting processed by all BeanPostProcessors"). Shiro's annotation support, which would do
 * the same and is not used (roles are checked by {@link Access}), is excluded in the application.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  static LifecycleBeanPostProcessor lifecycleBeanPostProcessor() {
    return new LifecycleBeanPostProcessor();
  }

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static ShiroFilterFactoryBean shiroFilterFactoryBean(ObjectProvider<org.apache.shiro.mgt.SecurityManager> securityManager,
      ObjectProvider<ShiroFilterChainDefinition> chain, Environment environment) {
    ShiroFilterFactoryBean factory = new ShiroFilterFactoryBean() {
      @Override
      protected AbstractShiroFilter createInstance() throws Exception {
        setSecurityManager(securityManager.getObject());
        setFilterChainDefinitionMap(chain.getObject().getFilterChainMap());
        return super.createInstance();
      }
    };
    factory.setLoginUrl(environment.getProperty("shiro.loginUrl", "/login.jsp"));
    factory.getFilters().put("operator", new OperatorOnlyFilter());
    return factory;
  }

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static EventBus shiroEventBus() {
    return new DefaultEventBus();
  }

  @Bean
  Realm reelxRealm(
      JdbcClient jdbc, Passwords passwords, Clock clock, LoginThrottle throttle, LoginFailures failures,
      IdentityChanges changes) {
    return new ReelxRealm(jdbc, passwords, clock, throttle, failures, changes);
  }

  /**
   * No remember-me: the API is stateless, and Shiro's cookie manager would answer every failed
   * login with {@code Set-Cookie: rememberMe=deleteMe}.
   */
  @Bean
  RememberMeManager rememberMeManager() {
    return new RememberMeManager() {
      @Override
      public PrincipalCollection getRememberedPrincipals(SubjectContext subjectContext) {
        return null;
      }

      @Override
      public void forgetIdentity(SubjectContext subjectContext) {}

      @Override
      public void onSuccessfulLogin(Subject subject, AuthenticationToken token, AuthenticationInfo info) {}

      @Override
      public void onFailedLogin(Subject subject, AuthenticationToken token, AuthenticationException ae) {}

      @Override
      public void onLogout(Subject subject) {}
    };
  }

  @Bean
  SessionStorageEvaluator sessionStorageEvaluator() {
    DefaultSessionStorageEvaluator evaluator = new DefaultSessionStorageEvaluator();
    evaluator.setSessionStorageEnabled(false);
    return evaluator;
  }

  @Bean
  ShiroFilterChainDefinition shiroFilterChainDefinition() {
    DefaultShiroFilterChainDefinition chain = new DefaultShiroFilterChainDefinition();
    chain.addPathDefinition("/api/v1/**", "noSessionCreation, api");
    chain.addPathDefinition("/actuator", "anon");
    chain.addPathDefinition("/actuator/health/**", "anon");
    chain.addPathDefinition("/actuator/info", "anon");
    chain.addPathDefinition("/actuator/**", "noSessionCreation, api, operator");
    // Anything else under /api is no page: a 404 problem, as before the pages came.
    chain.addPathDefinition("/api/**", "anon");
    chain.addPathDefinition("/error", "anon");
    chain.addPathDefinition("/swagger-ui.html", "anon");
    chain.addPathDefinition("/openapi.yaml", "anon");
    chain.addPathDefinition("/v3/**", "anon");
    chain.addPathDefinition("/webjars/**", "anon");
    chain.addPathDefinition("/assets/**", "anon");
    chain.addPathDefinition("/favicon.ico", "anon");
    // The web workspace: its own session cookie and CSRF tokens (io.reelx.exchange.web.PageFilter).
    chain.addPathDefinition("/**", "noSessionCreation, page");
    return chain;
  }

  /** The filter Shiro's chain calls "api"; kept out of the servlet container's own chain. */
  @Bean(name = "api")
  ApiAuthenticationFilter api() {
    return new ApiAuthenticationFilter();
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiFilterNotInContainer(ApiAuthenticationFilter api) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(api);
    registration.setEnabled(false);
    return registration;
  }
}
