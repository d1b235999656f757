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
import org.apache.shiro.spring.web.config.ShiroFilterChainDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shiro for a stateless API: every {@code /api/**} request authenticates itself (Basic or
 * bearer) and no session is created. Shiro's own {@code eventBus} bean is excluded (it collides
 * with Axon's), so its event bus is declared here under another name.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  static LifecycleBeanPostProcessor lifecycleBeanPostProcessor() {
    return new LifecycleBeanPostProcessor();
  }

  @Bean
  EventBus shiroEventBus() {
    return new DefaultEventBus();
  }

  @Bean
  Realm reelxRealm(
      JdbcClient jdbc, Passwords passwords, Clock clock, LoginThrottle throttle, LoginFailures failures) {
    return new ReelxRealm(jdbc, passwords, clock, throttle, failures);
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
    chain.addPathDefinition("/**", "anon");
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
