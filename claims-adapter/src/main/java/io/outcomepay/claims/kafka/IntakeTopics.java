package io.outcomepay.claims.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** The topics OutcomePay reads and writes, and the headers of an intake message. */
public final class IntakeTopics {

    /** Claims in any supported format; headers name the format, the file, the position offset and the payer. */
    public static final String CLAIMS = "outcomepay.claims";
    /** AI usage events as JSON, one per message. */
    public static final String AI_USAGE = "outcomepay.ai-usage";
    /** Every domain event after commit, keyed by hospital, JSON with a schema version. */
    public static final String EVENTS = "outcomepay.events";

    public static final String FORMAT_HEADER = "format";
    public static final String SOURCE_HEADER = "source";
    public static final String OFFSET_HEADER = "position-offset";
    /** Optional: the payer of the message's claims that name none (`ingest --kafka FILE --payer ID`). */
    public static final String PAYER_HEADER = "payer";

    /** Largest message OutcomePay sends and accepts (topics are created with this max.message.bytes). */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private IntakeTopics() {
    }

    /** Creates the three topics when missing, with the cluster's default replication factor. */
    public static void ensure(Admin admin, int partitions) {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing Kafka topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list Kafka topics: " + e.getCause().getMessage(), e.getCause());
        }
        List<NewTopic> missing = List.of(CLAIMS, AI_USAGE, EVENTS).stream().filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, java.util.Optional.of(partitions), java.util.Optional.empty())
                        .configs(Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES))))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create Kafka topics: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
