package io.outcomepay.app.poison;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.processing.ParkedEvents;
import io.outcomepay.app.baseline.BaselineFiles;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.app.kafka.KafkaClients;
import io.outcomepay.app.kafka.KafkaIntakeService;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.claims.application.ImportingPayments;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.encounter.EncounterId;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.claims.intake.DeadLetter;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.kafka.IntakeTopics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Poison inputs on every path in: values over each limit (docs/limits.md), malformed numbers and
 * colliding ids are refused naming their field, nothing of them is stored, and afterwards a normal
 * claim still lands, the month still settles and no read model has parked or stopped on anything.
 */
class PoisonInputTest extends IntegrationTest {

    private static final String HUGE = "1E+999999999";
    private static final AtomicInteger GOOD = new AtomicInteger();

    @Autowired
    UseCases operations;
    @Autowired
    UseCases monthlyClose;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    ParkedEvents parked;
    @Autowired
    ReadModelCatchUp catchUp;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaClients kafka;
    @Autowired
    KafkaIntakeService kafkaIntake;
    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private long eventsBefore;

    @BeforeEach
    void contract() {
        operations.createContract(Contracts.definition("PI-C", "PI-H1", "2026-01-01", "6500.00"));
        catchUp.await();
        eventsBefore = events();
    }

    /** A normal claim lands, the month settles with it, and nothing is parked or stuck. */
    @AfterEach
    void theProductStillWorks() {
        int n = GOOD.incrementAndGet();
        IngestReport report = operations.ingestCsv(ClaimsFile.claims().row("PI-OK-" + n, "PI-H1", "193", "8000.00")
                .writeTo(dir, "good-" + n + ".csv"), IngestingClaims.Listener.silent());
        SettlementResult month = operations.settle("PI-C", YearMonth.of(2026, 1)).result();

        assertThat(report.recorded()).isEqualTo(1);
        assertThat(month.total().actualTotal()).isEqualByComparingTo(new java.math.BigDecimal("8000.00").multiply(
                java.math.BigDecimal.valueOf(n)));
        assertThat(parked.list(null, 10)).isEmpty();
        catchUp.await();
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private List<String> fieldsOf(String source) {
        return deadLetters.list(source, 100).stream().map(DeadLetter::field).toList();
    }

    @Test
    void aClaimsCsvWithValuesOverTheLimitsRejectsEachNamingItsFieldAndLandsTheRest() {
        Path file = ClaimsFile.claims()
                .row("P" + "1".repeat(64), "PI-H9", "193", "8000.00")
                .row("PI-2", "H" + "9".repeat(64), "193", "8000.00")
                .row("PI-3", "PI-H9", "193", HUGE)
                .row("PI-4", "PI-H9", "193", "10000000000000.00")
                .row("PI-5", "PI-H9", "193", "8000.00", "principal_dx=J18.9ABCDEFGHIJKLMNOP")
                .row("PI-6", "PI-H9", "193", "8000.00", "ai_service=" + "s".repeat(129))
                .row("PI-7", "PI-H9", "193", "8000.00", "patient_id=" + "SECRET-MRN".repeat(13))
                .row("PI-8", "PI-H9", "193", "8000.00", "admit_date=1899-12-31")
                .row("PI-\u0007", "PI-H9", "193", "8000.00")
                .row("PI-10", "PI-H9", "193", "8000.00")
                .writeTo(dir, "poison.csv");

        IngestReport report = operations.ingestCsv(file, IngestingClaims.Listener.silent());

        assertThat(report.recorded()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(9);
        assertThat(fieldsOf("poison.csv")).containsExactly("claim_id", "hospital_id", "allowed_amount", "allowed_amount",
                "principal_dx", "ai_service", "patient_id", "admit_date", "claim_id");
        assertThat(deadLetters.list("poison.csv", 100)).allSatisfy(letter -> assertThat(letter.reason() + letter.rawRecord())
                .doesNotContain("SECRET-MRN"));
    }

    @Test
    void aSettlementListWithValuesOverTheLimitsRejectsEachNamingItsField() throws Exception {
        operations.publishBaseline(BaselineFiles.read(Files.writeString(dir.resolve("pi-dip.csv"),
                "group_code,score,mean_cost\nN18.500:51.3523#01,120,12000.00\n"), "dip", "pi-dip", LocalDate.of(1900, 1, 1)));
        eventsBefore = events();
        Path list = Files.writeString(dir.resolve("poison-清单.csv"), String.join("\n",
                "清单流水号,定点医疗机构代码,就诊ID,医保编号,入院时间,出院时间,主要诊断代码,病组病种编码,医保支付方式,金额合计,医保统筹基金支付,个人负担,AI辅助",
                "S" + "1".repeat(64) + ",PL-H1,M1,HI-1,2026-01-02,2026-01-10,C34.900,N18.500:51.3523#01,3,10000.00,7000.00,3000.00,是",
                "S2,PL-H1,M" + "2".repeat(64) + ",HI-2,2026-01-02,2026-01-10,C34.900,N18.500:51.3523#01,3,10000.00,7000.00,3000.00,是",
                "S3,PL-H1,M3,HI-3,2026-01-02,2026-01-10,C34.900,N18.500:51.3523#01,3," + HUGE + ",7000.00,3000.00,是",
                "S4,PL-H1,M4,HI-4,2026-01-02,2026-01-10,C34.900,N18.500:51.3523#01,3,10000.00,7000.00,3000.00,是") + "\n");

        IngestReport report = operations.ingestCsv(list, IngestingClaims.Listener.silent());

        assertThat(report.recorded()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(3);
        List<String> fields = fieldsOf("poison-清单.csv");
        assertThat(fields).hasSize(3);
        assertThat(fields.get(0)).isEqualTo("claim_id");
        assertThat(fields.get(1)).isEqualTo("encounter_key");
        assertThat(fields.get(2)).startsWith("金额合计");
    }

    @Test
    void anX12ClaimFileWithValuesOverTheLimitsRejectsEachNamingItsSegment() throws Exception {
        String claim = "HL*%d*1*22*0~NM1*IL*1*DOE*J****MI*M%d~CLM*%s*%s***11:A:1~DTP*435*D8*20260102~"
                + "DTP*434*RD8*20260102-20260106~HI*ABK:J189~HI*DR:193~";
        Path file = Files.writeString(dir.resolve("poison.837"),
                "ISA*00*          *00*          *ZZ*HOSPITAL       *ZZ*PAYER          *260201*1200*^*00501*000000001*0*T*:~"
                + "GS*HC*HOSPITAL*PAYER*20260201*1200*1*X*005010X223A2~ST*837*0001*005010X223A2~HL*1**20*1~"
                + "NM1*85*2*H*****XX*1234567893~"
                + claim.formatted(2, 1, "K" + "1".repeat(64), "9000")
                + claim.formatted(3, 2, "PX-2", HUGE)
                + claim.formatted(4, 3, "PX-3", "9000.001")
                + "SE*30*0001~GE*1*1~IEA*1*000000001~");

        IngestReport report = operations.ingestCsv(file, IngestingClaims.Listener.silent());

        assertThat(report.rejected()).isEqualTo(3);
        assertThat(fieldsOf("poison.837")).containsExactly("claim_id", "CLM02", "CLM02");
    }

    @Test
    void anX12RemittanceWithValuesOverTheLimitsRejectsEachNamingItsElement() throws Exception {
        Path file = Files.writeString(dir.resolve("poison.835"),
                "ISA*00*          *00*          *ZZ*PAYER          *ZZ*HOSPITAL       *260201*1200*^*00501*000000001*0*T*:~"
                + "GS*HP*PAYER*HOSPITAL*20260201*1200*1*X*005010X221A1~ST*835*0001~BPR*I*10*C*ACH~N1*PE*H*XX*1234567893~LX*1~"
                + "CLP*K" + "1".repeat(64) + "*1*9000*7000*500*MA*P-K1~"
                + "CLP*K2*1*9000*" + HUGE + "*500*MA*P-K2~"
                + "CLP*K3*1*9000*7000*500*MA*P-K3~CAS*CO*45*" + HUGE + "~"
                + "SE*9*0001~GE*1*1~IEA*1*000000001~");

        IngestReport report = operations.ingestCsv(file, IngestingClaims.Listener.silent());

        assertThat(report.rejected()).isEqualTo(3);
        assertThat(fieldsOf("poison.835")).containsExactly("CLP01", "CLP04", "CAS");
    }

    @Test
    void aFhirBundleWithValuesOverTheLimitsRejectsEachNamingItsElement() throws Exception {
        String eob = """
                {"resourceType":"ExplanationOfBenefit","id":"%s","status":"active",
                "identifier":[{"type":{"coding":[{"code":"uc"}]},"value":"%s"}],
                "provider":{"identifier":{"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"}},
                "patient":{"reference":"Patient/P-RAW-9"},"billablePeriod":{"start":"2026-01-02","end":"2026-01-06"},
                "supportingInfo":[{"sequence":1,"category":{"coding":[{"code":"drg"}]},"code":{"coding":[{"code":"193"}]}}],
                "total":[{"category":{"coding":[{"code":"submitted"}]},"amount":{"value":%s,"currency":"USD"}},
                {"category":{"coding":[{"code":"eligible"}]},"amount":{"value":8000.00,"currency":"USD"}}]}"""
                .replace("\n", "");
        Path file = Files.writeString(dir.resolve("poison.ndjson"), String.join("\n",
                eob.formatted("a", "F" + "1".repeat(64), "12000.00"),
                eob.formatted("b", "PF-2", HUGE),
                eob.formatted("c", "PF-3", "12000.001")) + "\n");

        IngestReport report = operations.ingestCsv(file, IngestingClaims.Listener.silent());

        assertThat(report.rejected()).isEqualTo(3);
        assertThat(fieldsOf("poison.ndjson")).containsExactly("claim_id", "resource", "total.submitted");
    }

    @Test
    void usageEventsOverTheLimitsAreRefusedOverRestNamingTheirFieldAndNothingIsStored() throws Exception {
        String usage = """
                [{"event_id":"%s","vendor":"VENDOR-1","ai_service":"sepsis-watch","model_version":"%s",\
                "hospital_id":"PI-H1","encounter_ref":"%s","occurred_at":"%s"}]""";
        String uuid = "3f2b8c9e-1d2a-3b4c-8d5e-6f7a8b9c0d1e";

        HttpResponse<String> notUuid = post("/api/ai-usage", "application/json",
                usage.formatted("PU-1", "1", "not-a-uuid", "2026-01-05T10:00:00Z"));
        HttpResponse<String> longModel = post("/api/ai-usage", "application/json",
                usage.formatted("PU-2", "m".repeat(200), uuid, "2026-01-05T10:00:00Z"));
        HttpResponse<String> farFuture = post("/api/ai-usage", "application/json",
                usage.formatted("PU-3", "1", uuid, "+1000000000-01-01T00:00:00Z"));
        HttpResponse<String> controlId = post("/api/ai-usage", "application/json",
                usage.formatted("PU-\\u0000", "1", uuid, "2026-01-05T10:00:00Z"));

        assertThat(List.of(notUuid, longModel, farFuture, controlId)).extracting(HttpResponse::statusCode)
                .containsOnly(400);
        assertThat(List.of(notUuid, longModel, farFuture, controlId)).extracting(r -> json.readTree(r.body()).get("field").asString())
                .containsExactly("encounter_ref", "model_version", "occurred_at", "event_id");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void aUsageEventIdChosenEqualToAClaimsFutureEncounterIdCannotStopThatClaim() throws Exception {
        String encounterId = EncounterId.of("PI-H1", "PI-COLLIDE");
        HttpResponse<String> usage = post("/api/ai-usage", "application/json", """
                [{"event_id":"%s","vendor":"VENDOR-1","ai_service":"sepsis-watch","hospital_id":"PI-H1",\
                "encounter_ref":"%s","occurred_at":"2026-01-05T10:00:00Z"}]""".formatted(encounterId, encounterId));

        IngestReport claim = operations.ingestCsv(ClaimsFile.claims().row("PI-COLLIDE", "PI-H1", "193", "8000.00")
                .writeTo(dir, "collide.csv"), IngestingClaims.Listener.silent());

        assertThat(usage.statusCode()).isEqualTo(200);
        assertThat(claim.recorded()).isEqualTo(1);
        GOOD.incrementAndGet(); // the colliding claim is a good one of the month too
    }

    @Test
    void usageEventsOverTheLimitsFromKafkaAreDeadLetteredNamingTheirField() throws Exception {
        try (Producer<String, byte[]> producer = kafka.producer()) {
            producer.send(new ProducerRecord<>(IntakeTopics.AI_USAGE, """
                    {"event_id":"PK-1","vendor":"VENDOR-1","ai_service":"sepsis-watch","hospital_id":"PI-H1",\
                    "encounter_ref":"not-a-uuid","occurred_at":"2026-01-05T10:00:00Z"}""".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(IntakeTopics.AI_USAGE, """
                    {"event_id":"PK-2","vendor":"%s","ai_service":"sepsis-watch","hospital_id":"PI-H1",\
                    "claim_id":"X","occurred_at":"2026-01-05T10:00:00Z"}""".formatted("v".repeat(200))
                    .getBytes(StandardCharsets.UTF_8))).get();
        }

        kafkaIntake.drain(Duration.ofMinutes(1), IngestingClaims.Listener.silent());

        assertThat(jdbc.queryForList("""
                select field from claim_dead_letter where source_file like 'outcomepay.ai-usage-%'
                and (raw_record like '%"PK-1"%' or raw_record like '%"PK-2"%') order by raw_record""", String.class))
                .containsExactly("encounter_ref", "vendor");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void aContractOverTheLimitsIsRefusedNamingItsKeyOverRestAndFromAFile() throws Exception {
        String good = Contracts.yaml("PI-C2", "PI-H2", "2026-01-01", "6500.00");

        HttpResponse<String> hugeRate = post("/api/contracts", "application/yaml", good.replace("\"6500.00\"", "\"" + HUGE + "\""));
        HttpResponse<String> badId = post("/api/contracts", "application/yaml", good.replace("id: PI-C2", "id: PI/C2"));
        HttpResponse<String> longVendor = post("/api/contracts", "application/yaml", good.replace("VENDOR-1", "V".repeat(129)));

        assertThat(List.of(hugeRate, badId, longVendor)).extracting(HttpResponse::statusCode).containsOnly(400);
        assertThat(List.of(hugeRate, badId, longVendor)).extracting(r -> json.readTree(r.body()).get("field").asString())
                .containsExactly("baseline.base_rate", "id", "vendor");
        assertThatThrownBy(() -> ContractYaml.read(new ByteArrayInputStream(good.replace("\"0.02\"", "\"2e-2\"")
                .getBytes(StandardCharsets.UTF_8)), "pi.yaml"))
                .hasMessageStartingWith("pi.yaml: terms.minimum_savings_rate: '2e-2' is not a decimal number");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void aBaselineTableOverTheLimitsIsRefusedNamingLineAndColumn() throws Exception {
        Path table = Files.writeString(dir.resolve("poison-dip.csv"), String.join("\n",
                "group_code,group_name,score,mean_cost",
                "N18.500:51.3523#01,ok,120,12000.00",
                "N" + "1".repeat(64) + ",too long,120,12000.00",
                "I63.9:99.1001+88.4101,huge,1e999,12000.00",
                "K80.1,control\u0007,40,4000.00") + "\n");

        assertThatThrownBy(() -> BaselineFiles.read(table, "dip", "poison-dip", LocalDate.of(2026, 1, 1)))
                .hasMessageContaining("line 3: group_code: is 65 characters long")
                .hasMessageContaining("line 4: score: '1e999' is not a decimal number")
                .hasMessageContaining("line 5: group_name:");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void aPaymentFileOverTheLimitsRejectsEachRowNamingItsColumn() throws Exception {
        Path payments = Files.writeString(dir.resolve("poison-payments.csv"), String.join("\n",
                "reference,payer,payee,amount,currency,paid_on",
                "R" + "1".repeat(128) + ",INS-1,PI-H1,100.00,USD,2026-02-10",
                "PI-PAY-2,INS-1,PI-H1," + HUGE + ",USD,2026-02-10",
                "PI-PAY-3,INS-1,PI-H1,100.00,USD,1899-01-01") + "\n");

        ImportingPayments.PaymentsImported imported = monthlyClose.importPayments(payments);

        assertThat(imported.recorded()).isZero();
        assertThat(imported.rejections()).extracting(r -> r.field()).containsExactly("reference", "amount", "paid_on");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void aRequestBodyOverItsMaximumIsRefusedWith413() throws Exception {
        HttpResponse<String> response = post("/api/ai-usage", "application/json", "[" + " ".repeat(17 * 1024 * 1024) + "]");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("larger than 16777216 bytes");
    }

    @Test
    void listsAndPagesHaveMaxima() throws Exception {
        HttpResponse<String> bigPage = get("/api/encounters?size=1001");
        HttpResponse<String> bigLimit = get("/api/dead-letters?limit=10001");

        assertThat(bigPage.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bigPage.body()).get("field").asString()).isEqualTo("size");
        assertThat(bigLimit.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bigLimit.body()).get("field").asString()).isEqualTo("limit");
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
