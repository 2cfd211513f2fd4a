package io.outcomepay.app.kafka;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.kafka.IntakeTopics;
import io.outcomepay.claims.kafka.KafkaIntake;
import io.outcomepay.claims.kafka.PublishingClaimFiles;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaIntakeTest extends IntegrationTest {

    @Autowired
    KafkaClients kafka;
    @Autowired
    KafkaIntakeService intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelCatchUp catchUp;

    @TempDir
    Path dir;

    @Test
    void aConsumerThatDiesAfterLandingButBeforeCommittingLosesNothingAndDuplicatesNothing() {
        ClaimsFile file = ClaimsFile.claims();
        for (int i = 1; i <= 600; i++) {
            String id = "KR-" + i;
            if (i % 100 == 0) {
                file.row(id, "HKR", "193", "not-money");
            } else {
                file.row(id, "HKR", "193", "8000.00");
            }
        }
        // Corrections and voids later in the file, after the claims they change.
        file.row("KR-5R", "HKR", "193", "7000.00", "claim_frequency=replacement", "original_claim_id=KR-5");
        file.row("KR-6V", "HKR", "193", "8000.00", "claim_frequency=void", "original_claim_id=KR-6");
        Path csv = file.writeTo(dir, "kafka-restart.csv");
        try (Producer<String, byte[]> producer = kafka.producer()) {
            PublishingClaimFiles.Published published = new PublishingClaimFiles(producer, 50).publish(csv, n -> {
            });
            assertThat(published.messages()).isEqualTo(13);
            assertThat(published.records()).isEqualTo(602);
        }

        AtomicInteger handled = new AtomicInteger();
        KafkaIntakeService.Tally first = new KafkaIntakeService.Tally();
        Map<String, KafkaIntake.Handler> crashing = new HashMap<>(intake.handlers(first, IngestingClaims.Listener.silent()));
        KafkaIntake.Handler claims = crashing.get(IntakeTopics.CLAIMS);
        crashing.put(IntakeTopics.CLAIMS, message -> {
            claims.handle(message);
            if (handled.incrementAndGet() == 5) {
                throw new IllegalStateException("crash after the 5th message was durable, before its offset was committed");
            }
        });
        try (KafkaIntake dying = new KafkaIntake(kafka.intakeConsumer(), crashing)) {
            assertThatThrownBy(() -> dying.drain(Duration.ofMinutes(1))).hasMessageContaining("crash after the 5th");
        }
        assertThat(first.claims().read()).isEqualTo(250);

        KafkaIntakeService.Tally second = intake.drain(Duration.ofMinutes(1), IngestingClaims.Listener.silent());

        // The 5th message came again: its 50 claims were duplicates; the other 8 messages landed.
        assertThat(second.messages()).isEqualTo(9);
        assertThat(second.claims().duplicate()).isEqualTo(50);
        assertThat(first.claims().recorded() + second.claims().recorded()).isEqualTo(594);
        assertThat(second.claims().corrected()).isEqualTo(1);
        assertThat(second.claims().voided()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from encounter_view where hospital_id = 'HKR'", Long.class))
                .isEqualTo(594);
        // One creation event per encounter: nothing recorded twice.
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry e join encounter_view v on v.encounter_id = e.aggregate_identifier
                where v.hospital_id = 'HKR' and e.sequence_number = 0""", Long.class)).isEqualTo(594);
        assertThat(jdbc.queryForList("select line from claim_dead_letter where source_file = 'kafka-restart.csv' order by line",
                Long.class)).containsExactly(101L, 201L, 301L, 401L, 501L, 601L);
        assertThat(jdbc.queryForObject("select field from claim_dead_letter where source_file = 'kafka-restart.csv' and line = 101",
                String.class)).isEqualTo("allowed_amount");
    }

    @Test
    void usageEventsFromKafkaMarkTheirEncounterAndBadOnesAreDeadLettered() {
        Path csv = ClaimsFile.claims().row("KU-1", "HKU", "193", "8000.00", "ai_assisted=false").writeTo(dir, "ku.csv");
        try (Producer<String, byte[]> producer = kafka.producer()) {
            new PublishingClaimFiles(producer, 50).publish(csv, n -> {
            });
            send(producer, IntakeTopics.AI_USAGE, """
                    {"event_id":"KU-EV-1","vendor":"V1","ai_service":"sepsis-watch","model_version":"2",\
                    "hospital_id":"HKU","claim_id":"KU-1","occurred_at":"2026-01-11T08:00:00Z","kind":"inference"}""");
            send(producer, IntakeTopics.AI_USAGE, """
                    {"event_id":"KU-EV-2","vendor":"V1","ai_service":"sepsis-watch","hospital_id":"HKU",\
                    "claim_id":"KU-1","occurred_at":"yesterday"}""");
            send(producer, IntakeTopics.AI_USAGE, "{not json");
        }

        intake.drain(Duration.ofMinutes(1), IngestingClaims.Listener.silent());

        // The claim said not assisted; the vendor's event names it, so it counts as AI-assisted.
        assertThat(jdbc.queryForList("""
                select u.event_id from ai_usage_view u join encounter_view e on e.encounter_id = u.encounter_id
                where e.hospital_id = 'HKU'""", String.class)).containsExactly("KU-EV-1");
        List<Map<String, Object>> rejected = jdbc.queryForList("""
                select field, reason from claim_dead_letter where source_file like 'outcomepay.ai-usage-%'
                and (raw_record like '%KU-EV-2%' or raw_record = '{not json') order by field""");
        assertThat(rejected).extracting(r -> r.get("field")).containsExactly("message", "occurred_at");
    }

    @Test
    void everyCommittedEventIsPublishedKeyedByHospitalWithASchemaVersion() throws Exception {
        Path csv = ClaimsFile.claims().row("KO-1", "HKO", "193", "8000.00").writeTo(dir, "ko.csv");
        try (Producer<String, byte[]> producer = kafka.producer()) {
            new PublishingClaimFiles(producer, 50).publish(csv, n -> {
            });
        }
        intake.drain(Duration.ofMinutes(1), IngestingClaims.Listener.silent());
        catchUp.awaitOutbound();

        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-outbound-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(IntakeTopics.EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value().contains("\"KO-1\"")) {
                        found.add(r);
                    }
                });
            }
        }
        assertThat(found).hasSize(1);
        assertThat(found.get(0).key()).isEqualTo("HKO");
        JsonNode event = JsonMapper.builder().build().readTree(found.get(0).value());
        assertThat(event.get("schema_version").asInt()).isEqualTo(1);
        assertThat(event.get("event_type").asString()).isEqualTo("EncounterRecorded");
        assertThat(event.get("hospital_id").asString()).isEqualTo("HKO");
        assertThat(event.get("sequence").asLong()).isZero();
        assertThat(event.at("/payload/claim/claimId").asString()).isEqualTo("KO-1");
        assertThat(event.at("/payload/claim/allowedAmount").decimalValue()).isEqualByComparingTo("8000.00");
    }

    private static void send(Producer<String, byte[]> producer, String topic, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
