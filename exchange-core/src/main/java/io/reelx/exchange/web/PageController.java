package io.reelx.exchange.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of the web workspace: it renders Thymeleaf pages, and {@link PageModel} gives each
 * of its models what the layout needs (the user, the CSRF token, the language).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {
  @AliasFor(annotation = Controller.class)
  String value() default "";
}
