package io.reelx.exchange.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: sends exactly the bytes asked for (a
 * request target with {@code %00}, {@code %zz} or raw UTF-8, a TRACE, a 64 KB header, a chunked
 * body when {@code Transfer-Encoding: chunked} is among the headers), which
 * {@link java.net.http.HttpClient} refuses to send.
 */
final class RawHttp {

  private RawHttp() {
  }

  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends {@code method target} with the headers and body; a body is written by a second thread
   * so that a server that answers (and closes) before reading it all is still heard.
   */
  static Answer send(int port, String method, String target, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(60_000);
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
      head.writeBytes(target.getBytes(StandardCharsets.UTF_8));
      head.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
      headers.forEach((name, value) -> head.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
      boolean chunked = "chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"));
      if (body != null && !chunked) {
        head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      out.write(head.toByteArray());
      Thread writer = null;
      if (body != null && body.length > 0) {
        writer = new Thread(() -> {
          try {
            for (int i = 0; i < body.length; i += 65_536) {
              int n = Math.min(65_536, body.length - i);
              if (chunked) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
              }
              out.write(body, i, n);
              if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
              }
            }
            if (chunked) {
              out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
          } catch (IOException ignored) {
            // the server answered and closed before reading all of it: its answer is what counts
          }
        });
        writer.setDaemon(true);
        writer.start();
      }
      out.flush();
      Answer answer = read(socket.getInputStream());
      if (writer != null) {
        writer.join(10_000);
      }
      return answer;
    } catch (IOException e) {
      return new Answer(-1, Map.of(), "no answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      return new Answer(-1, Map.of(), "connection closed without an answer");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        all.writeBytes(in.readNBytes(size));
        line(in);
      }
      body = all.toByteArray();
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
