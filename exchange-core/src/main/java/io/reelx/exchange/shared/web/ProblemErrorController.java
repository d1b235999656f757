package io.reelx.exchange.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page (replaces Spring Boot's {@code BasicErrorController}): an
 * error sent below Spring MVC, e.g. by Shiro's request firewall or Tomcat's TRACE refusal, is
 * answered as a problem document with the status it was sent with. {@code /error} asked for
 * directly is not a resource: 404.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<Object> error(HttpServletRequest request) {
    if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
      return ProblemHandler.problem(HttpStatus.NOT_FOUND, "not-found", "No such resource", null);
    }
    int code = status < 400 ? 500 : status;
    if (code >= 500) {
      log.error("Error answered by the container for {} {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          request.getAttribute(RequestDispatcher.ERROR_MESSAGE),
          (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    }
    return ProblemHandler.problem(HttpStatusCode.valueOf(code), EdgeProblems.code(code), EdgeProblems.detail(code),
        null);
  }
}
