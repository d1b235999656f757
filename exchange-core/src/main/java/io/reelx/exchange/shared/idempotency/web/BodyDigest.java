package io.reelx.exchange.shared.idempotency.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a request body, computed as the body is read (nothing is buffered, so a large CSV
 * upload still streams). {@link #sha256()} reads what the handler left unread, then finishes.
 */
final class BodyDigest {

  static final String ATTRIBUTE = BodyDigest.class.getName();

  private final MessageDigest digest;
  private final ServletInputStream in;
  private String sha256;

  private BodyDigest(ServletInputStream in) {
    this.in = in;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request, reading through a digest that is also kept as a request attribute. */
  static HttpServletRequest wrap(HttpServletRequest request) throws IOException {
    BodyDigest body = new BodyDigest(request.getInputStream());
    request.setAttribute(ATTRIBUTE, body);
    return body.new Digesting(request);
  }

  /** The body's SHA-256 (hex); the first call reads the rest of the body. */
  synchronized String sha256() {
    if (sha256 == null) {
      try {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
          // drain: the digest sees every byte
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sha256 = HexFormat.of().formatHex(digest.digest());
    }
    return sha256;
  }

  private synchronized int read(byte[] b, int off, int len) throws IOException {
    if (sha256 != null) {
      return -1;
    }
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
    }
    return n;
  }

  private final class Digesting extends HttpServletRequestWrapper {

    private final ServletInputStream stream = new ServletInputStream() {
      private boolean finished;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int n = BodyDigest.this.read(b, off, len);
        finished = n < 0;
        return n;
      }

      @Override
      public boolean isFinished() {
        return finished || in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    };

    Digesting(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() {
      return stream;
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(stream, charset));
    }
  }
}
