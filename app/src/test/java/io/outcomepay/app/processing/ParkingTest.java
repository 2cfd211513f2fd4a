package io.outcomepay.app.processing;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.processing.ParkedEvents;
import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.analytics.rebuild.VerifyingReadModels;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.claims.usage.UsageEvent;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.claims.intake.IngestingClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A read model fed an event it cannot take (a check constraint added here makes its table refuse
 * one value, as a too-narrow column did) parks that event alone, goes on with every other one, and
 * handles it on retry once the cause is gone.
 */
class ParkingTest extends IntegrationTest {

    @Autowired
    UseCases operations;
    @Autowired
    ParkedEvents parked;
    @Autowired
    ReadModelCatchUp catchUp;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RebuildingReadModels rebuilding;
    @Autowired
    VerifyingReadModels verifying;
    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @AfterEach
    void nothingStaysParked() {
        jdbc.execute("alter table ai_usage_view drop constraint if exists parking_test");
        jdbc.execute("alter table encounter_view drop constraint if exists parking_test");
        parked.retry(null, List.of());
        assertThat(parked.list(null, 10)).isEmpty();
    }

    @Test
    void aUsageEventItsReadModelCannotTakeIsParkedTheOthersLandAndRetryHandlesItOnceFixed() throws Exception {
        jdbc.execute("alter table ai_usage_view add constraint parking_test check (model_version <> 'unfit')");

        usage("PK-U1", "1");
        usage("PK-U2", "unfit");
        usage("PK-U3", "1");

        await().atMost(Duration.ofSeconds(60)).until(() -> parked.list(null, 10).size() == 1
                && rows("ai_usage_view", "event_id in ('PK-U1', 'PK-U3')") == 2);
        ParkedEvents.Parked letter = parked.list(null, 10).get(0);
        assertThat(letter.processor()).isEqualTo("ai-usage");
        assertThat(letter.aggregate()).isEqualTo("usage:PK-U2");
        assertThat(letter.eventType()).isEqualTo("AiUsageRecorded");
        assertThat(letter.cause()).contains("parking_test");
        assertThatThrownBy(() -> catchUp.await())
                .isInstanceOf(ReadModelCatchUp.ReadModelParked.class)
                .hasMessageContaining("read model 'ai-usage' parked event " + letter.eventId())
                .hasMessageContaining("usage:PK-U2");
        assertThat(parked.countByProcessor()).containsEntry("ai-usage", 1L);
        String health = get("/actuator/health");
        assertThat(health).contains("\"status\":\"PARKED\"");
        assertThat(get("/actuator/metrics/outcomepay.processor.deadletters?tag=processor:ai-usage"))
                .contains("\"value\":1.0");

        ParkedEvents.Retried stillFailing = parked.retry("ai-usage", List.of());
        assertThat(stillFailing.sequencesHandled()).isZero();
        assertThat(stillFailing.stillParked()).extracting(ParkedEvents.Parked::aggregate).containsExactly("usage:PK-U2");

        jdbc.execute("alter table ai_usage_view drop constraint parking_test");
        ParkedEvents.Retried retried = parked.retry("ai-usage", List.of(letter.id()));

        assertThat(retried.sequencesHandled()).isEqualTo(1);
        assertThat(retried.stillParked()).isEmpty();
        assertThat(rows("ai_usage_view", "event_id = 'PK-U2' and model_version = 'unfit'")).isEqualTo(1);
        catchUp.await();
        assertThat(get("/actuator/health")).contains("\"status\":\"UP\"");
    }

    @Test
    void aClaimTheEncounterTableCannotTakeIsParkedWithTheLaterEventsOfItsEncounterWhileTheRestOfItsBatchLands() {
        jdbc.execute("alter table encounter_view add constraint parking_test check (current_claim_id <> 'PK-C2')");

        operations.land(ClaimsFile.claims()
                .row("PK-C1", "PK-H1", "193", "8000.00")
                .row("PK-C2", "PK-H1", "470", "11000.00")
                .row("PK-C3", "PK-H1", "871", "12000.00")
                .writeTo(dir, "poison.csv"), IngestingClaims.Listener.silent());
        operations.land(ClaimsFile.claims()
                .row("PK-C2-R", "PK-H1", "470", "10500.00", "claim_frequency=replacement", "original_claim_id=PK-C2")
                .writeTo(dir, "correction.csv"), IngestingClaims.Listener.silent());

        await().atMost(Duration.ofSeconds(60)).until(() -> parked.list("encounters", 10).size() == 2
                && rows("encounter_view", "hospital_id = 'PK-H1'") == 2);
        assertThat(parked.list("encounters", 10)).extracting(ParkedEvents.Parked::eventType)
                .containsExactly("EncounterRecorded", "ClaimCorrected");
        assertThat(rows("encounter_view", "current_claim_id in ('PK-C1', 'PK-C3')")).isEqualTo(2);

        jdbc.execute("alter table encounter_view drop constraint parking_test");
        ParkedEvents.Retried retried = parked.retry("encounters", List.of());

        assertThat(retried.sequencesHandled()).isEqualTo(1);
        assertThat(retried.stillParked()).isEmpty();
        assertThat(jdbc.queryForObject("select allowed_amount::text from encounter_view where original_claim_id = 'PK-C2'",
                String.class)).isEqualTo("10500.00");
    }

    @Test
    void anEvictedEventIsNeverAppliedAndReadsGoOn() {
        jdbc.execute("alter table ai_usage_view add constraint parking_test check (model_version <> 'evicted')");
        usage("PK-U9", "evicted");
        await().atMost(Duration.ofSeconds(60)).until(() -> parked.list("ai-usage", 10).size() == 1);

        ParkedEvents.Parked evicted = parked.evict(parked.list("ai-usage", 10).get(0).id());

        assertThat(evicted.aggregate()).isEqualTo("usage:PK-U9");
        assertThat(parked.list(null, 10)).isEmpty();
        catchUp.await();
        assertThat(rows("ai_usage_view", "event_id = 'PK-U9'")).isZero();
        assertThat(verifying.verify(n -> { }).differences()).extracting(VerifyingReadModels.Difference::what)
                .contains("ai_usage_view rows");

        // once the cause is gone, a rebuild applies every event again, the evicted one included
        jdbc.execute("alter table ai_usage_view drop constraint parking_test");
        rebuilding.rebuild(position -> { });
        assertThat(rows("ai_usage_view", "event_id = 'PK-U9'")).isEqualTo(1);
        assertThat(verifying.verify(n -> { }).matches()).isTrue();
    }

    @Test
    void theParkedEventsOperationsNeedAUser() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI list = URI.create("http://localhost:" + port + "/api/processors/dead-letters");
        URI retry = URI.create("http://localhost:" + port + "/api/processors/dead-letters/retry");
        URI evict = URI.create("http://localhost:" + port + "/api/processors/dead-letters/some-id/evict");

        assertThat(http.send(HttpRequest.newBuilder(list).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(retry).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(evict).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(get("/api/processors/dead-letters")).isEqualTo("[]");
    }

    private void usage(String id, String model) {
        UsageEvent usage = new UsageEvent(id, "VENDOR-1", "sepsis-watch", model, "PK-H9", "PK-X" + id, null,
                "2026-01-05T10:00:00Z", null);
        operations.recordAiUsage(usage, usage.details(), "test", 1);
    }

    private long rows(String table, String where) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + where, Long.class);
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("finance-maker:maker-secret".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
