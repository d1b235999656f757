package io.reelx.exchange.shared.web;

import io.reelx.exchange.shared.domain.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else runs, what Tomcat lets through but no operation can read: a query
 * string that cannot be decoded ({@code %zz}, too many parameters) or holds control characters
 * ({@code %00}), a path with an encoded dot
 * segment ({@code %2e%2e}, which Tomcat would silently resolve to another resource), and a body
 * over the size allowed for its content type (413, announced by {@code Content-Length} or counted
 * while it streams).
 */
public class RequestShapeFilter extends OncePerRequestFilter {

  private static final Pattern ENCODED_DOT = Pattern.compile("(?i)%2e");

  private final long maxBody;
  private final long maxCsvBody;

  public RequestShapeFilter(long maxBody, long maxCsvBody) {
    this.maxBody = maxBody;
    this.maxCsvBody = maxCsvBody;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (ENCODED_DOT.matcher(request.getRequestURI()).find()) {
      EdgeProblems.write(response, 400, "invalid-path",
          "The path contains an encoded '.' (%2e): send path segments as they are");
      return;
    }
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (IllegalStateException e) { // Tomcat's InvalidParameterException
      EdgeProblems.write(response, 400, "invalid-query",
          "The query string cannot be read: a bad %-escape, invalid UTF-8 or too many parameters");
      return;
    }
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      String refusal = Text.refusal(parameter.getKey());
      String name = refusal == null ? parameter.getKey() : "query";
      for (int i = 0; refusal == null && i < parameter.getValue().length; i++) {
        refusal = Text.refusal(parameter.getValue()[i]);
      }
      if (refusal != null) {
        EdgeProblems.write(response, 400, "invalid-value", "The query parameter " + name + " " + refusal, name,
            refusal);
        return;
      }
    }
    long limit = isCsv(request) ? maxCsvBody : maxBody;
    long length = request.getContentLengthLong();
    if (length > limit) {
      EdgeProblems.write(response, 413, "content-too-large",
          "The request body is larger than the " + limit + " bytes this operation accepts");
      return;
    }
    chain.doFilter(length < 0 ? new Limited(request, limit) : request, response);
  }

  private static boolean isCsv(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv");
  }

  /** A body without a declared length, counted as it is read. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > limit) {
        throw new BodyTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
