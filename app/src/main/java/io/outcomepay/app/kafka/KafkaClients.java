package io.outcomepay.app.kafka;

import io.outcomepay.claims.kafka.IntakeTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Kafka clients of this process, for the cluster at outcomepay.kafka.bootstrap-servers (the
 * embedded broker, or KAFKA_BOOTSTRAP_SERVERS). Present only when Kafka is on; creates the topics.
 */
@Component
@ConditionalOnProperty(name = KafkaClients.BOOTSTRAP_PROPERTY)
public class KafkaClients {

    public static final String BOOTSTRAP_PROPERTY = "outcomepay.kafka.bootstrap-servers";
    /** The consumer group of the intake: every OutcomePay process shares the topics' partitions. */
    public static final String INTAKE_GROUP = "outcomepay-intake";

    private final String bootstrapServers;

    public KafkaClients(@Value("${" + BOOTSTRAP_PROPERTY + "}") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            IntakeTopics.ensure(admin, 3);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Idempotent, every record acknowledged by all in-sync replicas. */
    public Producer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, IntakeTopics.MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The intake consumer: offsets are committed by hand, after the messages are durable. */
    public Consumer<String, byte[]> intakeConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, INTAKE_GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
