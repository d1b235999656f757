package io.reelx.exchange.config;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets several nodes share one database's tracking processors. Each node beats in
 * {@code cluster_node}; a node that holds more segments of a processor than its fair share
 * (segments / live nodes, rounded up) releases one for a while, and a node with spare threads
 * claims it. One node alone keeps every segment. Tracking tokens name this node as their owner
 * ({@link #nodeId}), so two nodes never process the same segment.
 */
public class ClusterMembership implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

  static final Duration BEAT = Duration.ofSeconds(3);
  static final Duration ALIVE = Duration.ofSeconds(10);
  static final Duration RELEASE = Duration.ofSeconds(15);

  private final String nodeId;
  private final JdbcClient jdbc;
  private final EventProcessingConfiguration processing;
  private final List<String> shared;
  private final Clock clock;
  private ScheduledExecutorService timer;
  private volatile boolean running;

  public ClusterMembership(String nodeId, JdbcClient jdbc, EventProcessingConfiguration processing,
      List<String> shared, Clock clock) {
    this.nodeId = nodeId;
    this.jdbc = jdbc;
    this.processing = processing;
    this.shared = shared;
    this.clock = clock;
  }

  public String nodeId() {
    return nodeId;
  }

  /** Live nodes (this one included) by their last heartbeat. */
  public long liveNodes() {
    return jdbc.sql("SELECT count(*) FROM cluster_node WHERE heartbeat_at > ?")
        .param(Timestamp.from(clock.instant().minus(ALIVE))).query(Long.class).single();
  }

  void beat() {
    Instant now = clock.instant();
    jdbc.sql("INSERT INTO cluster_node (id, started_at, heartbeat_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at")
        .params(nodeId, Timestamp.from(now), Timestamp.from(now)).update();
  }

  /** Releases one segment of each processor where this node holds more than its share. */
  void rebalance() {
    long nodes = Math.max(1, liveNodes());
    for (String name : shared) {
      processing.eventProcessor(name, TrackingEventProcessor.class).ifPresent(processor -> {
        Map<Integer, ?> mine = processor.processingStatus();
        long segments = jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = ?").param(name)
            .query(Long.class).single();
        long fair = (segments + nodes - 1) / nodes;
        if (mine.size() > fair) {
          int segment = mine.keySet().stream().max(Integer::compare).orElseThrow();
          log.info("Node {} holds {} of {} segments of {} with {} nodes alive: releasing segment {}", nodeId,
              mine.size(), segments, name, nodes, segment);
          processor.releaseSegment(segment, RELEASE.toMillis(), TimeUnit.MILLISECONDS);
        }
      });
    }
  }

  private void tick() {
    try {
      beat();
      rebalance();
    } catch (RuntimeException e) {
      log.warn("Cluster heartbeat failed; trying again in {}", BEAT, e);
    }
  }

  @Override
  public void start() {
    beat();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cluster-" + nodeId);
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::tick, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (timer != null) {
      timer.shutdownNow();
    }
    try {
      jdbc.sql("DELETE FROM cluster_node WHERE id = ?").param(nodeId).update();
    } catch (RuntimeException e) {
      log.debug("Could not sign off node {}", nodeId, e);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // after Axon's processors have started, before they stop
    return Integer.MAX_VALUE - 20;
  }
}
