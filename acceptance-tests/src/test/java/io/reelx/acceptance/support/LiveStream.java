package io.reelx.acceptance.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A listing's server-sent-event stream as one follower receives it: the events collected so far,
 * parsed as the SSE format defines ({@code event:} and {@code data:} lines, a blank line ends an
 * event). Lines are read on a daemon thread until the stream ends or is closed.
 */
public final class LiveStream implements AutoCloseable {

  /** One event: its name ({@code message} when the server gave none) and its data. */
  public record Event(String name, String data) {}

  private final String path;
  private final CompletableFuture<HttpResponse<Stream<String>>> answer;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile HttpResponse<Stream<String>> response;
  private volatile boolean closed;

  private LiveStream(String path, CompletableFuture<HttpResponse<Stream<String>>> answer) {
    this.path = path;
    this.answer = answer;
    this.reader = new Thread(this::read, "sse-follower");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Asks to follow {@code path} as {@code actor}, without waiting: the exchange registers the
   * follower as it handles the request, and the answer's headers may come only with the first event.
   */
  public static LiveStream open(Actor actor, String path) {
    return new LiveStream(path, actor.openEventStream(path));
  }

  /** The exchange's answer to the request to follow, once its headers are in; fails if they are not in time. */
  public HttpResponse<Stream<String>> answer(Duration timeout) {
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("The event stream " + path + " sent no status and headers within " + timeout, e);
    } catch (ExecutionException e) {
      throw new AssertionError("Cannot open the event stream " + path + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /** Whether the exchange has answered, and how: the status and content type, or null. */
  public String describeAnswer() {
    HttpResponse<Stream<String>> r = response;
    return r == null ? "no answer yet"
        : "HTTP " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("(no content type)");
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  public List<Event> events(String name) {
    return events.stream().filter(e -> e.name().equals(name)).toList();
  }

  private void read() {
    String name = null;
    List<String> data = new ArrayList<>();
    try {
      response = answer.get();
    } catch (InterruptedException | ExecutionException | CancellationException e) {
      return;
    }
    if (closed) {
      response.body().close();
      return;
    }
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            synchronized (events) {
              events.add(new Event(name == null ? "message" : name, String.join("\n", data)));
              events.notifyAll();
            }
          }
          name = null;
          data.clear();
        } else if (line.startsWith("event:")) {
          name = field(line, "event:");
        } else if (line.startsWith("data:")) {
          data.add(field(line, "data:"));
        }
        // "id:", "retry:" and ":" comments are of no interest here.
      }
      if (!closed) {
        ended.complete(null);
      }
    } catch (RuntimeException closedOrBroken) {
      // The stream was closed by the scenario or broken off by the exchange: nothing more will come.
      ended.completeExceptionally(closedOrBroken);
    }
  }

  /**
   * Waits until the exchange ends the stream (the response body ends), at most {@code timeout};
   * fails if it does not. Every event sent before the end has been collected by then.
   */
  public void awaitEnd(Duration timeout) {
    try {
      ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("The event stream " + path + " did not end within " + timeout
          + "; it delivered " + events(), e);
    } catch (ExecutionException e) {
      throw new AssertionError("The event stream " + path + " broke: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /** Waits until an event named {@code name} has come, at most {@code timeout}; fails if it does not. */
  public Event awaitEvent(String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (events(name).isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("The event stream " + path + " sent no " + name + " event within " + timeout
              + "; the exchange's answer: " + describeAnswer() + "; it delivered " + events());
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(events, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("Interrupted", e);
        }
      }
    }
    return events(name).get(0);
  }

  private static String field(String line, String prefix) {
    String value = line.substring(prefix.length());
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  @Override
  public void close() {
    closed = true;
    answer.cancel(true);
    HttpResponse<Stream<String>> r = response;
    if (r != null) {
      r.body().close();
    }
    reader.interrupt();
  }
}
