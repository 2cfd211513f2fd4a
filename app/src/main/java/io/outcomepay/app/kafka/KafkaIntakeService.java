package io.outcomepay.app.kafka;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.claims.application.IngestingClaimFile;
import io.outcomepay.claims.application.RecordingAiUsage;
import io.outcomepay.claims.usage.UsageEvent;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.usage.api.AiUsage;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.kafka.IntakeTopics;
import io.outcomepay.claims.kafka.KafkaIntake;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Kafka intake of claims (outcomepay.claims) and AI usage events (outcomepay.ai-usage): each
 * message is landed or dead-lettered in PostgreSQL before its offset is committed. {@link #drain}
 * reads what the topics hold now (the CLI); {@link #start} keeps reading (serve).
 */
@Component
@ConditionalOnProperty(name = KafkaClients.BOOTSTRAP_PROPERTY)
public class KafkaIntakeService {

    private static final Logger log = LoggerFactory.getLogger(KafkaIntakeService.class);

    private final KafkaClients kafka;
    private final IngestingClaimFile ingesting;
    private final RecordingAiUsage recording;
    private final ReadModelCatchUp catchUp;
    private final DeadLetters deadLetters;
    private final JsonMapper json;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Thread running;

    public KafkaIntakeService(KafkaClients kafka, IngestingClaimFile ingesting, RecordingAiUsage recording,
                              ReadModelCatchUp catchUp, DeadLetters deadLetters, JsonMapper readModelJson) {
        this.kafka = kafka;
        this.ingesting = ingesting;
        this.recording = recording;
        this.catchUp = catchUp;
        this.deadLetters = deadLetters;
        this.json = readModelJson;
    }

    /** What an intake run did: the claims' counts, usage events recorded, and messages refused whole. */
    public static final class Tally {
        private final AtomicReference<IngestReport> claims =
                new AtomicReference<>(new IngestReport(IntakeTopics.CLAIMS, 0, 0, 0, 0, 0, 0, 0, 0));
        private final AtomicLong messages = new AtomicLong();
        private final AtomicLong usageRecorded = new AtomicLong();
        private final AtomicLong usageDuplicate = new AtomicLong();
        private final AtomicLong usageRejected = new AtomicLong();
        private final AtomicLong unreadableMessages = new AtomicLong();

        public IngestReport claims() {
            return claims.get();
        }

        public long messages() {
            return messages.get();
        }

        public String summary() {
            return messages + " messages; claims: " + claims.get().summary() + "; AI usage events: recorded "
                    + usageRecorded + ", duplicate " + usageDuplicate + ", rejected " + usageRejected
                    + (unreadableMessages.get() > 0 ? "; unreadable messages " + unreadableMessages : "");
        }
    }

    /** Consumes what the intake topics hold now, then returns; read models are caught up by then. */
    public Tally drain(Duration timeout, IngestingClaims.Listener listener) {
        Tally tally = new Tally();
        try (KafkaIntake intake = new KafkaIntake(kafka.intakeConsumer(), handlers(tally, listener))) {
            intake.drain(timeout);
        }
        catchUp.await();
        return tally;
    }

    /** Keeps consuming in the background until the application stops. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        Tally tally = new Tally();
        running = new Thread(() -> {
            try (KafkaIntake intake = new KafkaIntake(kafka.intakeConsumer(), handlers(tally, IngestingClaims.Listener.silent()))) {
                intake.run(stopped::get, Duration.ofSeconds(5),
                        e -> log.error("Kafka intake: a message could not be landed and will be retried: {}", e.getMessage(), e));
            }
        }, "outcomepay-kafka-intake");
        running.setDaemon(true);
        running.start();
    }

    @PreDestroy
    public synchronized void stop() throws InterruptedException {
        stopped.set(true);
        if (running != null) {
            running.join(Duration.ofSeconds(30).toMillis());
        }
    }

    Map<String, KafkaIntake.Handler> handlers(Tally tally, IngestingClaims.Listener listener) {
        return Map.of(IntakeTopics.CLAIMS, message -> claims(message, tally, listener),
                IntakeTopics.AI_USAGE, message -> usage(message, tally));
    }

    private void claims(ConsumerRecord<String, byte[]> message, Tally tally, IngestingClaims.Listener listener) {
        String position = where(message);
        String source = header(message, IntakeTopics.SOURCE_HEADER, position);
        long offset = 0;
        try {
            offset = Long.parseLong(header(message, IntakeTopics.OFFSET_HEADER, "0"));
            String formatName = header(message, IntakeTopics.FORMAT_HEADER, null);
            ClaimFormat format = formatName == null ? ClaimFormat.sniff(message.value()).format() : ClaimFormat.named(formatName);
            long before = tally.claims().read();
            IngestReport report = ingesting.ingest(new IngestingClaimFile.IngestStream(format, source,
                    new ByteArrayInputStream(message.value()), offset, new IngestingClaims.Listener() {
                        @Override
                        public void rejected(Rejection rejection) {
                            listener.rejected(rejection);
                        }

                        @Override
                        public void progress(long records, long bytesRead, long totalBytes) {
                            listener.progress(before + records, 0, -1);
                        }
                    }, false, header(message, IntakeTopics.PAYER_HEADER, null)));
            tally.claims.accumulateAndGet(report, (a, b) -> a.plus(b, a.source()));
        } catch (IllegalArgumentException | UncheckedIOException unreadable) {
            // The message itself cannot be read (its records before the damage did land): it is kept
            // by reference; its text may hold raw patient ids and is not stored.
            tally.unreadableMessages.incrementAndGet();
            Rejection rejection = new Rejection(source, offset + 1, "payload", unreadable.getMessage(),
                    "Kafka message " + position + ", " + message.value().length + " bytes");
            deadLetters.store(List.of(rejection));
            listener.rejected(rejection);
        }
        tally.messages.incrementAndGet();
    }

    private void usage(ConsumerRecord<String, byte[]> message, Tally tally) {
        String text = new String(message.value(), StandardCharsets.UTF_8);
        String source = IntakeTopics.AI_USAGE + "-" + message.partition();
        try {
            UsageEvent event = json.readValue(text, UsageEvent.class);
            AiUsage.Details details = event.details();
            ClaimOutcome outcome = recording.record(new RecordingAiUsage.RecordUsage(event, details, source, message.offset()));
            (outcome == ClaimOutcome.RECORDED ? tally.usageRecorded
                    : outcome == ClaimOutcome.DUPLICATE ? tally.usageDuplicate : tally.usageRejected).incrementAndGet();
        } catch (JacksonException | IllegalArgumentException invalid) {
            tally.usageRejected.incrementAndGet();
            String reason = invalid instanceof JacksonException ? "not a usage event in JSON: "
                    + invalid.getMessage().lines().findFirst().orElse("") : invalid.getMessage();
            String field = reason.contains(":") && !(invalid instanceof JacksonException)
                    ? reason.substring(0, reason.indexOf(':')) : "message";
            // Kept as sent (it names no patient), so that it can be replayed once fixed at the source.
            deadLetters.store(List.of(new Rejection(source, message.offset(), field, reason, text,
                    invalid instanceof JacksonException ? null : Rejection.REPLAY_USAGE, text)));
        }
        tally.messages.incrementAndGet();
    }

    private static String where(ConsumerRecord<?, ?> message) {
        return message.topic() + "-" + message.partition() + "@" + message.offset();
    }

    private static String header(ConsumerRecord<?, ?> message, String name, String otherwise) {
        Header header = message.headers().lastHeader(name);
        return header == null ? otherwise : new String(header.value(), StandardCharsets.UTF_8);
    }
}
