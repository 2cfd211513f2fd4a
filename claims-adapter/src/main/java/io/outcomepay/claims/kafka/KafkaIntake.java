package io.outcomepay.claims.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Reads the intake topics and hands each message to the handler of its topic. A handler returns
 * once what the message holds is durable in PostgreSQL (landed or dead-lettered); only then does the
 * message's offset get committed. A crash in between redelivers the message, and idempotency by
 * natural id makes the second delivery record nothing new: nothing lost, nothing duplicated.
 * A handler that throws (the database is down, say) stops the intake without committing.
 */
public final class KafkaIntake implements AutoCloseable {

    /** Makes one message durable: its records landed or dead-lettered. Throws when that cannot be done now. */
    @FunctionalInterface
    public interface Handler {
        void handle(ConsumerRecord<String, byte[]> message);
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final Map<String, Handler> handlers;
    private long messages;

    public KafkaIntake(Consumer<String, byte[]> consumer, Map<String, Handler> handlers) {
        this.consumer = consumer;
        this.handlers = Map.copyOf(handlers);
        consumer.subscribe(this.handlers.keySet());
    }

    /** Consumes until every partition of the topics has reached its end as of now; returns the messages handled. */
    public long drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> ends = null;
        long before = messages;
        while (true) {
            pollOnce();
            Set<TopicPartition> assigned = consumer.assignment();
            if (assigned.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no intake partition was assigned within " + timeout
                            + " (is the Kafka broker reachable?)");
                }
                continue;
            }
            if (ends == null) {
                ends = consumer.endOffsets(allPartitions());
            }
            if (caughtUp(ends)) {
                return messages - before;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the intake did not reach the end of its topics within " + timeout);
            }
        }
    }

    /**
     * Consumes until stopped. A message whose handler fails is retried after {@code retryDelay},
     * and the failure is told to {@code failures}; nothing after it in its partition is skipped.
     */
    public void run(BooleanSupplier stopped, Duration retryDelay, java.util.function.Consumer<RuntimeException> failures) {
        while (!stopped.getAsBoolean()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                failures.accept(e);
                try {
                    Thread.sleep(retryDelay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Set<TopicPartition> allPartitions() {
        Set<TopicPartition> partitions = new java.util.HashSet<>();
        for (String topic : handlers.keySet()) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (!consumer.assignment().contains(end.getKey())) {
                // Another member of the group has it; that member reads it.
                continue;
            }
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void pollOnce() {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                handlers.get(record.topic()).handle(record);
                messages++;
                done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
        } catch (RuntimeException failed) {
            // What was not handled is read again: back to the first unhandled message of each partition.
            for (TopicPartition partition : records.partitions()) {
                OffsetAndMetadata handled = done.get(partition);
                consumer.seek(partition, handled != null ? handled.offset() : records.records(partition).get(0).offset());
            }
            throw failed;
        } finally {
            // What is durable is committed even when a later message failed.
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
        }
    }

    public long messagesHandled() {
        return messages;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
