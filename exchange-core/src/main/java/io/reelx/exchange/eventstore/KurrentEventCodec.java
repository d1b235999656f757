package io.reelx.exchange.eventstore;

import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Axon's domain events into KurrentDB event records and back, so that Axon reads the very
 * same messages it would read from its JDBC tables.
 *
 * <p>A record holds:
 * <ul>
 *   <li>event type: Axon's serialized payload type (the event's class name);</li>
 *   <li>data: the serialized payload, unchanged (content type JSON when it is JSON);</li>
 *   <li>event id: Axon's event identifier (a UUID; other identifiers get a name-based UUID and
 *       keep the original in the metadata);</li>
 *   <li>metadata, a JSON object: {@code axon} (event id, aggregate type and id, sequence number,
 *       timestamp, payload revision), {@code metaData} (Axon's serialized metadata as JSON, or
 *       {@code metaDataBase64} when the serializer does not write JSON), and KurrentDB's own
 *       {@code $correlationId}/{@code $causationId} copied from Axon's correlation data so the
 *       server's correlation projections work.</li>
 * </ul>
 */
final class KurrentEventCodec {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private KurrentEventCodec() {
  }

  static EventData encode(DomainEventMessage<?> event, Serializer serializer) {
    SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
    SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);

    ObjectNode envelope = JSON.createObjectNode();
    copyCorrelation(event, envelope, "correlationId", "$correlationId");
    copyCorrelation(event, envelope, "causationId", "$causationId");
    ObjectNode axon = envelope.putObject("axon");
    axon.put("eventId", event.getIdentifier());
    if (event.getType() != null) {
      axon.put("aggregateType", event.getType());
    }
    axon.put("aggregateId", event.getAggregateIdentifier());
    axon.put("sequenceNumber", event.getSequenceNumber());
    axon.put("timestamp", event.getTimestamp().toString());
    if (payload.getType().getRevision() != null) {
      axon.put("payloadRevision", payload.getType().getRevision());
    }
    JsonNode metaDataJson = parseJson(metaData.getData());
    if (metaDataJson != null) {
      envelope.set("metaData", metaDataJson);
    } else {
      envelope.put("metaDataBase64", Base64.getEncoder().encodeToString(metaData.getData()));
    }

    return EventDataBuilder
        .binary(eventUuid(event.getIdentifier()), payload.getType().getName(), payload.getData(),
            looksLikeJson(payload.getData()))
        .metadataAsBytes(JSON.writeValueAsBytes(envelope))
        .build();
  }

  /** Axon's view of a stored record: the entry its JDBC engine would have read. */
  static GenericDomainEventEntry<byte[]> decode(RecordedEvent recorded) {
    JsonNode envelope = JSON.readTree(recorded.getUserMetadata());
    JsonNode axon = envelope.path("axon");
    byte[] metaData = envelope.has("metaData")
        ? JSON.writeValueAsBytes(envelope.get("metaData"))
        : Base64.getDecoder().decode(envelope.path("metaDataBase64").asString(""));
    return new GenericDomainEventEntry<>(
        textOrNull(axon, "aggregateType"),
        axon.path("aggregateId").asString(),
        axon.path("sequenceNumber").asLong(recorded.getRevision()),
        textOr(axon, "eventId", recorded.getEventId().toString()),
        textOr(axon, "timestamp", recorded.getCreated().toString()),
        recorded.getEventType(),
        textOrNull(axon, "payloadRevision"),
        recorded.getEventData(),
        metaData);
  }

  /** The Axon timestamp of a stored record, as text (ISO-8601), without decoding the rest. */
  static String timestamp(RecordedEvent recorded) {
    return textOr(JSON.readTree(recorded.getUserMetadata()).path("axon"), "timestamp",
        recorded.getCreated().toString());
  }

  static UUID eventUuid(String identifier) {
    try {
      return UUID.fromString(identifier);
    } catch (IllegalArgumentException notAUuid) {
      return UUID.nameUUIDFromBytes(identifier.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void copyCorrelation(EventMessage<?> event, ObjectNode envelope, String axonKey,
      String kurrentKey) {
    Object value = event.getMetaData().get(axonKey);
    if (value != null) {
      envelope.put(kurrentKey, value.toString());
    }
  }

  private static JsonNode parseJson(byte[] bytes) {
    if (!looksLikeJson(bytes)) {
      return null;
    }
    try {
      return JSON.readTree(bytes);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static boolean looksLikeJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == '{' || b == '[';
    }
    return false;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static String textOr(JsonNode node, String field, String fallback) {
    String value = textOrNull(node, field);
    return value != null ? value : fallback;
  }
}
