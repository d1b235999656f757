package io.reelx.exchange.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Problem documents written where no controller answers: filters and the servlet container's edge. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static void write(JsonMapper mapper, HttpServletResponse response, HttpStatusCode status, String code,
      String detail, List<Map<String, String>> errors) throws IOException {
    ProblemDetail problem = (ProblemDetail) ProblemHandler.problem(status, code, detail, errors).getBody();
    response.resetBuffer();
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(mapper.writeValueAsBytes(problem));
    response.flushBuffer();
  }
}
