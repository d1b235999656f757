package io.reelx.exchange.listing.query;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes across nodes: the versions the projections reach travel between the nodes
 * sharing one PostgreSQL over {@code LISTEN/NOTIFY} on the channel {@value #CHANNEL}.
 *
 * <p>Telling: the keys a projection's transaction reached go out with one {@code pg_notify}
 * statement in that transaction, so PostgreSQL delivers them only if, and once, it commits (what
 * the reader then reads is there). Listening: each node keeps one connection of its own (not one
 * of the pool's) on a daemon thread, which blocks in {@link PGConnection#getNotifications(int)}
 * and hands what arrives to its {@link VersionNotifier}; idle, it wakes only to check the
 * connection every {@link #IDLE_CHECK}. A lost connection is opened again (a notification sent in
 * between is missed: its reader answers after its timeout, as with no channel at all). Off on
 * another database or with {@code reelx.versions.cross-node=false}.
 */
@Component
public class PgVersionChannel implements VersionNotifier.Peers, SmartLifecycle {

  static final String CHANNEL = "reelx_versions";

  /** PostgreSQL refuses a payload of 8000 bytes or more: longer reports go out in parts. */
  private static final int MAX_PAYLOAD = 7000;

  private static final Duration IDLE_CHECK = Duration.ofSeconds(30);
  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(PgVersionChannel.class);

  private final VersionNotifier notifier;
  private final JdbcTemplate jdbc;
  private final HikariDataSource database;
  private final boolean enabled;

  private volatile boolean running;
  private volatile Thread listener;
  private volatile Connection connection;

  public PgVersionChannel(VersionNotifier notifier, JdbcTemplate jdbc, DataSource dataSource, Environment env) {
    this.notifier = notifier;
    this.jdbc = jdbc;
    this.database = hikari(dataSource);
    this.enabled = env.getProperty("reelx.versions.cross-node", Boolean.class, true) && database != null
        && database.getJdbcUrl() != null && database.getJdbcUrl().startsWith("jdbc:postgresql:");
    if (enabled) {
      notifier.tellPeers(this);
    }
  }

  private static HikariDataSource hikari(DataSource dataSource) {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** Tells every node (this one too) what {@code reached} holds, when the current transaction commits. */
  @Override
  public void tell(Map<String, Long> reached) {
    List<String> payloads = new ArrayList<>();
    StringBuilder payload = new StringBuilder();
    reached.forEach((key, version) -> {
      String line = key + ' ' + version;
      if (!payload.isEmpty() && payload.length() + 1 + line.length() > MAX_PAYLOAD) {
        payloads.add(payload.toString());
        payload.setLength(0);
      }
      if (!payload.isEmpty()) {
        payload.append('\n');
      }
      payload.append(line);
    });
    if (!payload.isEmpty()) {
      payloads.add(payload.toString());
    }
    jdbc.query("SELECT pg_notify(?, p) FROM unnest(?::text[]) p", rs -> {}, CHANNEL,
        "{" + String.join(",", payloads.stream().map(PgVersionChannel::arrayElement).toList()) + "}");
  }

  private static String arrayElement(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Hands a notification's keys and versions to this node's waiting readers. */
  void heard(String payload) {
    for (String line : payload.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (space > 0) {
        try {
          notifier.reached(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        } catch (NumberFormatException e) {
          log.debug("Ignoring a malformed version notification: {}", line);
        }
      }
    }
  }

  @Override
  public void start() {
    if (!enabled || running) {
      return;
    }
    running = true;
    Thread thread = new Thread(this::listen, "reelx-versions-listener");
    thread.setDaemon(true);
    listener = thread;
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = listener;
    listener = null;
    if (thread == null) {
      return;
    }
    Connection open = connection;
    if (open != null) {
      try {
        open.abort(Runnable::run); // ends the blocked read at once
      } catch (SQLException | RuntimeException e) {
        log.debug("Closing the versions listener's connection", e);
      }
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    Duration delay = RECONNECT_DELAY;
    while (running) {
      try (Connection c = connect()) {
        connection = c;
        try (Statement statement = c.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        log.debug("Listening for read-model versions on {}", CHANNEL);
        delay = RECONNECT_DELAY;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications((int) IDLE_CHECK.toMillis());
          if (notifications == null || notifications.length == 0) {
            if (!c.isValid((int) IDLE_CHECK.toSeconds())) {
              throw new SQLException("the versions listener's connection is no longer valid");
            }
            continue;
          }
          for (PGNotification notification : notifications) {
            heard(notification.getParameter());
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          break;
        }
        log.warn("Versions listener lost its connection ({}); opening another in {} s", e.getMessage(),
            delay.toSeconds());
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
        delay = delay.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY : delay.multipliedBy(2);
      } finally {
        connection = null;
      }
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    if (database.getUsername() != null) {
      properties.setProperty("user", database.getUsername());
    }
    if (database.getPassword() != null) {
      properties.setProperty("password", database.getPassword());
    }
    properties.setProperty("ApplicationName", "reelx-versions-listener");
    properties.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(database.getJdbcUrl(), properties);
  }
}
