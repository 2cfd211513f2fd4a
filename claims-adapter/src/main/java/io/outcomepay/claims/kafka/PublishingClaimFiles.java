package io.outcomepay.claims.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Publishes a claims file to the intake topic, cut into self-contained messages. All messages of a
 * file share its name as key, so they stay in one partition in file order: a correction is read
 * after the claim it corrects.
 */
public final class PublishingClaimFiles {

    private final Producer<String, byte[]> producer;
    private final int recordsPerMessage;

    public PublishingClaimFiles(Producer<String, byte[]> producer, int recordsPerMessage) {
        this.producer = producer;
        this.recordsPerMessage = recordsPerMessage;
    }

    public record Published(String source, String format, long messages, long records) {
    }

    /** Sends the file and waits until the broker acknowledged every message; progress gets the records sent. */
    public Published publish(Path file, LongConsumer progress) {
        return publish(file, null, progress);
    }

    /** As {@link #publish(Path, LongConsumer)}, each message naming the payer of claims that name none (null: none). */
    public Published publish(Path file, String payer, LongConsumer progress) {
        long messages = 0;
        long records = 0;
        Future<?> last = null;
        try (ClaimFileSplitter split = ClaimFileSplitter.open(file, recordsPerMessage, IntakeTopics.MAX_MESSAGE_BYTES)) {
            while (split.hasNext()) {
                ClaimMessage message = split.next();
                RecordHeaders headers = new RecordHeaders();
                headers.add(IntakeTopics.FORMAT_HEADER, message.format().headerValue().getBytes(StandardCharsets.UTF_8));
                headers.add(IntakeTopics.SOURCE_HEADER, message.source().getBytes(StandardCharsets.UTF_8));
                headers.add(IntakeTopics.OFFSET_HEADER,
                        Long.toString(message.positionOffset()).getBytes(StandardCharsets.UTF_8));
                if (payer != null) {
                    headers.add(IntakeTopics.PAYER_HEADER, payer.getBytes(StandardCharsets.UTF_8));
                }
                last = producer.send(new ProducerRecord<>(IntakeTopics.CLAIMS, null, message.source(),
                        message.payload(), headers));
                messages++;
                records += message.records();
                progress.accept(records);
            }
            producer.flush();
            if (last != null) {
                last.get();
            }
            return new Published(file.getFileName().toString(), split.format().headerValue(), messages, records);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + file, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a message of " + file + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
