package io.reelx.exchange.identity.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.mgt.SecurityManager;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.support.SubjectThreadState;
import org.apache.shiro.util.ThreadContext;
import org.apache.shiro.util.ThreadState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An asynchronous request (an event stream) is finished by an async dispatch, which Shiro's filter
 * lets through without binding a subject; but the request is still Shiro's wrapper, and Spring
 * MVC asks it for the user when the dispatch ends ({@code No SecurityManager accessible}, and the
 * stream is broken off instead of ended). This filter, right after Shiro's, remembers the request's
 * subject and binds it again for the request's async dispatches.
 */
@Configuration(proxyBeanMethods = false)
public class AsyncDispatchSecurity {

  /** After Shiro's filter (order 1), so the subject it bound is the one remembered. */
  private static final int ORDER = 2;

  @Bean
  FilterRegistrationBean<SubjectCarrier> asyncDispatchSubject(SecurityManager securityManager) {
    FilterRegistrationBean<SubjectCarrier> registration = new FilterRegistrationBean<>(
        new SubjectCarrier(securityManager));
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    registration.setOrder(ORDER);
    registration.setName("asyncDispatchSubject");
    return registration;
  }

  /** Carries the subject of a request over to its async dispatches. */
  static final class SubjectCarrier implements Filter {

    private static final String SUBJECT = SubjectCarrier.class.getName() + ".subject";

    private final SecurityManager securityManager;

    SubjectCarrier(SecurityManager securityManager) {
      this.securityManager = securityManager;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (request.getDispatcherType() != DispatcherType.ASYNC) {
        if (ThreadContext.getSecurityManager() != null) {
          request.setAttribute(SUBJECT, SecurityUtils.getSubject());
        }
        chain.doFilter(request, response);
        return;
      }
      Subject subject = request.getAttribute(SUBJECT) instanceof Subject s ? s
          : new Subject.Builder(securityManager).buildSubject();
      ThreadState state = new SubjectThreadState(subject);
      state.bind();
      try {
        chain.doFilter(request, response);
      } finally {
        state.clear();
      }
    }
  }
}
