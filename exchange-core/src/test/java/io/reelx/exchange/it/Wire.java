package io.reelx.exchange.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Plain HTTP/1.1 over a socket bound to a chosen loopback address (127.0.0.x), so a test can be a
 * client address of its own: login throttling counts per address, and tests on the shared
 * context must not lock each other out. Also shows every response header.
 */
final class Wire {

  private final String from;
  private final int port;
  private final String authorization;

  private Wire(String from, int port, String authorization) {
    this.from = from;
    this.port = port;
    this.authorization = authorization;
  }

  static Wire from(String loopbackAddress, int port) {
    return new Wire(loopbackAddress, port, null);
  }

  Wire basic(String user, String password) {
    return new Wire(from, port, "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  Wire bearer(String token) {
    return new Wire(from, port, "Bearer " + token);
  }

  Wire on(int otherPort) {
    return new Wire(from, otherPort, authorization);
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, String json) {
    return send("POST", path, json);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  Reply send(String method, String path, String json) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(60_000);
      byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder()
          .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: localhost:").append(port).append("\r\n")
          .append("Connection: close\r\n")
          .append("Accept: application/json, application/problem+json\r\n");
      if (authorization != null) {
        head.append("Authorization: ").append(authorization).append("\r\n");
      }
      if (json != null) {
        head.append("Content-Type: application/json\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return Reply.parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response; header names in lower case, each with all its values. */
  record Reply(int status, Map<String, List<String>> headers, String body) {

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : String.join(", ", values);
    }

    List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    JsonNode json() {
      return Http.JSON.readTree(body);
    }

    static Reply parse(byte[] raw) {
      int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      if ("chunked".equalsIgnoreCase(String.join("", headers.getOrDefault("transfer-encoding", List.of())))) {
        body = unchunk(body);
      }
      return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = 0;
      while (at < chunked.length) {
        int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length),
            "\r\n".getBytes(StandardCharsets.ISO_8859_1)) + at;
        String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
        int size = Integer.parseInt(sizeLine, 16);
        if (size == 0) {
          break;
        }
        out.write(chunked, lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
      }
      return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
      outer:
      for (int i = 0; i + pattern.length <= data.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      throw new IllegalStateException("malformed HTTP response");
    }
  }
}
