package io.reelx.exchange.shared.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The edge of the HTTP stack answers bad requests as problem documents too: Tomcat's own error
 * report ({@link ProblemErrorReportValve}) and the request-shape checks ({@link RequestShapeFilter})
 * that run before security and Spring MVC. Body limits: JSON bodies up to
 * {@code reelx.http.max-body} (a revenue report of 100,000 lines is about 12 MB), CSV uploads,
 * which are streamed, up to {@code reelx.http.max-csv-body}.
 */
@Configuration(proxyBeanMethods = false)
public class WebEdgeConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  @Bean
  FilterRegistrationBean<RequestShapeFilter> requestShapeFilter(
      @Value("${reelx.http.max-body:16MB}") DataSize maxBody,
      @Value("${reelx.http.max-csv-body:1GB}") DataSize maxCsvBody) {
    FilterRegistrationBean<RequestShapeFilter> registration =
        new FilterRegistrationBean<>(new RequestShapeFilter(maxBody.toBytes(), maxCsvBody.toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
