package io.reelx.exchange.shared.idempotency.web;

import io.reelx.exchange.shared.idempotency.JdbcIdempotencyKeys;
import io.reelx.exchange.shared.idempotency.JdbcIdempotencyKeys.First;
import io.reelx.exchange.shared.idempotency.KeyAlreadyUsed;
import io.reelx.exchange.shared.idempotency.KeyReused;
import io.reelx.exchange.shared.idempotency.KeyedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's idempotency for every keyed operation. A keyed request is fingerprinted (user, method,
 * path, query, body); its key is taken in the transaction of the change it makes (see
 * {@link io.reelx.exchange.shared.idempotency.IdempotencyKeys}) and its response kept once given.
 * The same request again, also while the first is still running, gets the first response with
 * {@value #REPLAYED}{@code : true}; another request under the key is refused with 422
 * {@code idempotency-key-reused}. A request that changed nothing (refused, failed) leaves its key
 * free, so a corrected retry may use it.
 */
@Component
public class IdempotentRequests {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";

  /** How long a request waits for the answer of a concurrent one with its key. */
  private static final long FIRST_ANSWER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long POLL_MILLIS = 5;
  private static final int ATTEMPTS = 3;

  private final JdbcIdempotencyKeys keys;
  private final JsonMapper json;

  public IdempotentRequests(JdbcIdempotencyKeys keys, JsonMapper json) {
    this.keys = keys;
    this.json = json;
  }

  /** The current request, under {@code key} (null: not keyed) of organisation {@code owner}, sent by {@code user}. */
  public Keyed of(String key, String owner, String user) {
    return new Keyed(key, owner, user);
  }

  /** One keyed (or unkeyed) request being answered. */
  public final class Keyed {

    private final String key;
    private final String owner;
    private final String user;
    private KeyedRequest request;

    private Keyed(String key, String owner, String user) {
      this.key = key;
      this.owner = owner;
      this.user = user;
    }

    /**
     * The key and fingerprint to claim in the transaction of the change, or null without a key.
     * The fingerprint covers the whole body: a handler that streams the body asks only once it
     * has read it.
     */
    public KeyedRequest request() {
      if (key == null) {
        return null;
      }
      if (request == null) {
        request = new KeyedRequest(owner, key, fingerprint(user));
      }
      return request;
    }

    /**
     * Answers with {@code work} (which claims {@link #request()} where it makes its change), or
     * replays the first response under the key. {@code fromAnswer} rebuilds a response from what
     * the first request created, for the rare first request whose response was never kept (it
     * failed after its change committed).
     */
    public <T> ResponseEntity<T> respond(Class<T> type, Function<Keyed, ResponseEntity<T>> work,
        Function<String, ResponseEntity<T>> fromAnswer) {
      if (key == null) {
        return work.apply(this);
      }
      Optional<First> first = keys.first(owner, key);
      if (first.isPresent()) {
        return replay(type, first.get(), fromAnswer);
      }
      for (int attempt = 1; ; attempt++) {
        ResponseEntity<T> response;
        try {
          response = work.apply(this);
        } catch (RuntimeException e) {
          KeyAlreadyUsed used = alreadyUsed(e);
          if (used == null) {
            throw e;
          }
          Optional<First> answered = awaitFirst();
          if (answered.isPresent()) {
            return replay(type, answered.get(), fromAnswer);
          }
          if (attempt == ATTEMPTS) {
            throw used;
          }
          continue;   // the other request ended without using the key: this one is decided now
        }
        keep(response);
        return response;
      }
    }

    private <T> ResponseEntity<T> replay(Class<T> type, First committed, Function<String, ResponseEntity<T>> fromAnswer) {
      if (!committed.fingerprint().equals(request().fingerprint())) {
        throw new KeyReused(key);
      }
      First first = awaitResponse(committed);
      if (first.status() == null) {
        if (first.answer() == null) {
          throw new KeyAlreadyUsed(key, null);
        }
        ResponseEntity<T> rebuilt = fromAnswer.apply(first.answer());
        keep(rebuilt);
        return ResponseEntity.status(rebuilt.getStatusCode()).headers(rebuilt.getHeaders()).header(REPLAYED, "true")
            .body(rebuilt.getBody());
      }
      ResponseEntity.BodyBuilder replayed = ResponseEntity.status(first.status()).header(REPLAYED, "true");
      if (first.location() != null) {
        replayed.location(URI.create(first.location()));
      }
      return replayed.body(first.body() == null ? null : json.readValue(first.body(), type));
    }

    private void keep(ResponseEntity<?> response) {
      if (response.getStatusCode().is2xxSuccessful()) {
        URI location = response.getHeaders().getLocation();
        keys.answered(request(), response.getStatusCode().value(), location == null ? null : location.toString(),
            response.getBody() == null ? null : json.writeValueAsString(response.getBody()));
      }
    }

    /**
     * The first request's row once it is committed; empty if the request that held the key ended
     * without using it.
     */
    private Optional<First> awaitFirst() {
      long deadline = System.nanoTime() + FIRST_ANSWER_WAIT_NANOS;
      while (System.nanoTime() - deadline < 0) {
        Optional<First> first = keys.first(owner, key);
        if (first.isPresent()) {
          return first;
        }
        if (!keys.inProgress(request())) {
          return keys.first(owner, key);   // it may have committed between the two looks
        }
        pause();
      }
      throw new KeyAlreadyUsed(key, null);
    }

    /** A committed first request whose response is being written: wait for it, within bounds. */
    private First awaitResponse(First first) {
      long deadline = System.nanoTime() + FIRST_ANSWER_WAIT_NANOS;
      First current = first;
      while (current.status() == null && System.nanoTime() - deadline < 0) {
        pause();
        current = keys.first(owner, key).orElse(current);
      }
      return current;
    }

    private String fingerprint(String user) {
      HttpServletRequest http = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
      BodyDigest body = (BodyDigest) http.getAttribute(BodyDigest.ATTRIBUTE);
      if (body == null) {
        throw new IllegalStateException("A keyed request whose body was not fingerprinted (BodyDigestFilter missing)");
      }
      String query = http.getQueryString() == null ? "" : String.join("&", sorted(http.getQueryString().split("&")));
      return sha256(String.join("\n", user, http.getMethod(), http.getRequestURI(), query, body.sha256()));
    }
  }

  private static KeyAlreadyUsed alreadyUsed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KeyAlreadyUsed used) {
        return used;
      }
    }
    return null;
  }

  private static String[] sorted(String[] parts) {
    Arrays.sort(parts);
    return parts;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the first answer under an idempotency key", e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
