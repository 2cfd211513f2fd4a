package io.outcomepay.app.kafka;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.billing.encounter.api.EncounterEvent;
import io.outcomepay.billing.usage.api.AiUsage;
import io.outcomepay.claims.kafka.IntakeTopics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes every domain event, once it is committed to the event store, to outcomepay.events for
 * downstream finance systems: keyed by hospital (or, for events of no hospital, by their aggregate),
 * JSON with a schema version. A tracking processor reads the store, so nothing committed is missed
 * even when Kafka was off at the time; the processor's position advances only after the broker
 * acknowledged the batch (at-least-once: a consumer deduplicates by event_id).
 */
@Component
@ConditionalOnProperty(name = KafkaClients.BOOTSTRAP_PROPERTY)
@ProcessingGroup(ReadModelCatchUp.OUTBOUND)
public class OutboundEvents {

    /** Version of the message layout below; raised when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    private static final String PENDING = OutboundEvents.class.getName() + ".pending";

    private final Producer<String, byte[]> producer;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public OutboundEvents(KafkaClients kafka) {
        this.producer = kafka.producer();
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        ObjectNode out = json.createObjectNode();
        out.put("schema_version", SCHEMA_VERSION);
        out.put("event_id", message.getIdentifier());
        out.put("event_type", payload.getClass().getSimpleName());
        String key;
        if (message instanceof DomainEventMessage<?> domain) {
            out.put("aggregate_type", domain.getType());
            out.put("aggregate_id", domain.getAggregateIdentifier());
            out.put("sequence", domain.getSequenceNumber());
            key = domain.getAggregateIdentifier();
        } else {
            key = message.getIdentifier();
        }
        String hospital = hospitalOf(payload);
        if (hospital != null) {
            out.put("hospital_id", hospital);
            key = hospital;
        }
        out.put("occurred_at", message.getTimestamp().toString());
        out.set("payload", json.valueToTree(payload));
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(IntakeTopics.EVENTS, key,
                json.writeValueAsString(out).getBytes(StandardCharsets.UTF_8)));
        pending(unitOfWork).add(sent);
    }

    private static String hospitalOf(Object payload) {
        if (payload instanceof EncounterEvent encounter) {
            return encounter.hospitalId();
        }
        if (payload instanceof AiUsage.AiUsageRecorded usage) {
            return usage.details().hospitalId();
        }
        return null;
    }

    /** The sends of this batch; before the processor's position is stored, the broker must have them all. */
    private List<Future<RecordMetadata>> pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, k -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            root.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> sends) {
        producer.flush();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing events", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an outbound event: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
