package io.reelx.exchange.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON answers leave in one write, with their {@code Content-Length}. Spring MVC flushes the
 * response after writing a body, which made Tomcat commit the headers at once, send the body as a
 * chunk and end it with a second write: 9% of the CPU of a {@code GET /api/v1/me} (issue 17). A
 * flush is held back while the answer is JSON or a problem document; Tomcat sends the whole answer
 * when the request ends (or sooner, when its buffer fills). Event streams, CSV downloads and
 * everything else flush as they ask.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class OneWriteAnswers extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new HeldFlush(response));
  }

  /** Whether a flush of an answer of this type can wait for the end of the request. */
  static boolean holdsFlush(String contentType) {
    return contentType != null
        && (contentType.startsWith("application/json") || contentType.startsWith("application/problem+json"));
  }

  private static final class HeldFlush extends HttpServletResponseWrapper {

    private ServletOutputStream stream;

    HeldFlush(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holdsFlush(getContentType())) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ServletOutputStream out = super.getOutputStream();
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            out.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void flush() throws IOException {
            if (!holdsFlush(getContentType())) {
              out.flush();
            }
          }

          @Override
          public void close() throws IOException {
            out.close();
          }

          @Override
          public boolean isReady() {
            return out.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
