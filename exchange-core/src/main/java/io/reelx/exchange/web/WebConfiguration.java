package io.reelx.exchange.web;

import at.pollux.thymeleaf.shiro.dialect.ShiroDialect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every page shares: the "page" filter in Shiro's chain, the two languages (English and
 * Simplified Chinese, chosen by {@code ?lang=} on any page and remembered in a cookie for a year,
 * else taken from the browser's Accept-Language), the messages, and Shiro's Thymeleaf dialect for
 * role-aware templates.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, CHINESE);
  static final String LANGUAGE_COOKIE = "reelx_lang";

  /** The filter Shiro's chain calls "page"; kept out of the servlet container's own chain. */
  @Bean(name = "page")
  PageFilter page(PageSessions sessions) {
    return new PageFilter(sessions);
  }

  @Bean
  FilterRegistrationBean<PageFilter> pageFilterNotInContainer(PageFilter page) {
    FilterRegistrationBean<PageFilter> registration = new FilterRegistrationBean<>(page);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  ShiroDialect shiroDialect() {
    return new ShiroDialect();
  }

  /** The pages' texts: {@code i18n/messages_en.properties} and {@code i18n/messages_zh_CN.properties}. */
  @Bean
  MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/messages");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    messages.setDefaultLocale(Locale.ENGLISH);
    return messages;
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(WebConfiguration::fromBrowser);
    return resolver;
  }

  /** Chinese when the browser prefers it, English otherwise. */
  static Locale fromBrowser(HttpServletRequest request) {
    String accept = request.getHeader("Accept-Language");
    return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : Locale.ENGLISH;
  }

  /** One of the two languages for a {@code lang} parameter, or null. */
  static Locale language(String tag) {
    if (tag == null) {
      return null;
    }
    return switch (tag.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "en" -> Locale.ENGLISH;
      case "zh", "zh-cn", "zh-hans" -> CHINESE;
      default -> null;
    };
  }

  /**
   * Parsed path patterns for request mapping. Shiro's Spring Boot starter puts {@code
   * spring.mvc.pathmatch.matching-strategy=ant_path_matcher} in front of every other property
   * source, which made MVC try its 129 mappings one by one with {@link
   * org.springframework.util.AntPathMatcher} on every request: 14% of a bid's CPU over HTTP. Shiro's
   * own filter chain keeps its Ant patterns; no mapping here needs {@code **} inside a path.
   * Called after Spring Boot's configurer, which applied the Ant strategy.
   */
  @Override
  public void configurePathMatch(PathMatchConfigurer configurer) {
    configurer.setPatternParser(PathPatternParser.defaultInstance);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Locale chosen = language(request.getParameter("lang"));
        if (chosen != null) {
          LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
          if (resolver != null) {
            resolver.setLocale(request, response, chosen);
          }
        }
        return true;
      }
    }).excludePathPatterns("/api/**", "/actuator/**");
  }
}
