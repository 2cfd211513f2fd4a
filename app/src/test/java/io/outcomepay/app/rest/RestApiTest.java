package io.outcomepay.app.rest;

import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RestApiTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (path.startsWith("/api/settlements/") && method.equals("POST")) {
            // recording a calculation needs a user: the actor stored on the event
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("finance-maker:maker-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsAContractIngestsClaimsAndSettlesOverHttp() throws Exception {
        HttpResponse<String> contract = send("POST", "/api/contracts", "application/yaml",
                Contracts.yaml("R1-C", "R1-H001", "2026-01-01", "6500.00"));
        String csv = Files.readString(ClaimsFile.claims()
                .row("R1", "R1-H001", "193", "8000.00")
                .row("R2", "R1-H001", "193", "8000.00", "drg=ABC")
                .writeTo(dir, "rest.csv"));
        HttpResponse<String> claims = send("POST", "/api/claims?source=rest.csv&payer=INS-1", "text/csv", csv);
        // another payer's claim at the same hospital is not this contract's (payer given for the file)
        HttpResponse<String> otherPayers = send("POST", "/api/claims?source=rest-other.csv&payer=INS-9", "text/csv",
                Files.readString(ClaimsFile.claims().row("R3", "R1-H001", "193", "8000.00").writeTo(dir, "rest-other.csv")));
        HttpResponse<String> settled = send("POST", "/api/settlements/R1-C/2026-01", null, null);
        HttpResponse<String> settlementCsv = send("GET", "/api/settlements/R1-C/2026-01/csv", null, null);
        HttpResponse<String> revisions = send("GET", "/api/settlements/R1-C/2026-01", null, null);

        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(json.readTree(contract.body()).at("/outcome/version").asInt()).isEqualTo(1);
        assertThat(claims.statusCode()).isEqualTo(200);
        assertThat(json.readTree(otherPayers.body()).at("/report/recorded").asInt()).isEqualTo(1);
        JsonNode report = json.readTree(claims.body());
        assertThat(report.at("/report/recorded").asInt()).isEqualTo(1);
        assertThat(report.at("/report/rejected").asInt()).isEqualTo(1);
        assertThat(report.at("/rejections/0/field").asString()).isEqualTo("drg");
        assertThat(report.at("/rejections/0/line").asInt()).isEqualTo(3);
        JsonNode result = json.readTree(settled.body());
        assertThat(result.at("/result/total/savings").decimalValue()).isEqualByComparingTo("543.60");
        assertThat(result.at("/result/total/pool").decimalValue()).isEqualByComparingTo("543.60");
        assertThat(settlementCsv.body()).startsWith("contract_id,period,hospital_id").contains("R1-C,2026-01,TOTAL,1,0,8543.60");
        assertThat(json.readTree(revisions.body()).size()).isEqualTo(1);
    }

    @Test
    void aUsageEventMakesAnEncounterAiAssistedWhetherItComesBeforeOrAfterTheClaim() throws Exception {
        send("POST", "/api/contracts", "application/yaml", Contracts.yaml("U1-C", "U1-H001", "2026-01-01", "6500.00"));
        String usage = """
                [{"event_id": "EV-U1-1", "vendor": "VENDOR-1", "ai_service": "sepsis-watch", "model_version": "3.2",
                  "hospital_id": "U1-H001", "claim_id": "U1", "occurred_at": "2026-01-04T08:00:00Z", "kind": "inference"}]
                """;
        HttpResponse<String> before = send("POST", "/api/ai-usage", "application/json", usage);
        String csv = Files.readString(ClaimsFile.claims()
                .row("U1", "U1-H001", "193", "8000.00", "ai_assisted=false", "ai_service=")
                .row("U2", "U1-H001", "193", "8000.00", "ai_assisted=false", "ai_service=")
                .writeTo(dir, "usage.csv"));
        send("POST", "/api/claims?source=usage.csv", "text/csv", csv);
        HttpResponse<String> after = send("POST", "/api/ai-usage", "application/json",
                usage.replace("EV-U1-1", "EV-U1-2").replace("\"U1\"", "\"U2\""));
        HttpResponse<String> again = send("POST", "/api/ai-usage", "application/json", usage);
        HttpResponse<String> conflict = send("POST", "/api/ai-usage", "application/json", usage.replace("3.2", "3.3"));
        HttpResponse<String> bad = send("POST", "/api/ai-usage", "application/json", usage.replace("2026-01-04T08:00:00Z", "yesterday"));
        JsonNode settled = json.readTree(send("POST", "/api/settlements/U1-C/2026-01", null, null).body());

        assertThat(json.readTree(before.body()).at("/0/outcome").asString()).isEqualTo("RECORDED");
        assertThat(json.readTree(after.body()).at("/0/outcome").asString()).isEqualTo("RECORDED");
        assertThat(json.readTree(again.body()).at("/0/outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(json.readTree(conflict.body()).at("/0/outcome").asString()).isEqualTo("CONFLICT");
        assertThat(send("GET", "/api/dead-letters?source=ai-usage", null, null).body())
                .contains("conflict: usage event EV-U1-1 was already recorded with other content");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("detail").asString()).startsWith("event [0] occurred_at: 'yesterday'");
        assertThat(json.readTree(bad.body()).get("field").asString()).isEqualTo("occurred_at");
        assertThat(settled.at("/result/notEligible").asInt()).isZero();
        assertThat(settled.at("/result/total/encounters").asInt()).isEqualTo(2);
    }

    @Test
    void statisticsOfAMonthComeSeededAndBadParametersAreRefusedNamingThem() throws Exception {
        send("POST", "/api/contracts", "application/yaml", Contracts.yaml("RS1-C", "RS1-H001", "2026-01-01", "6500.00"));
        String csv = Files.readString(ClaimsFile.claims()
                .row("RS1-1", "RS1-H001", "193", "8000.00").row("RS1-2", "RS1-H001", "193", "7000.00")
                .row("RS1-3", "RS1-H001", "193", "8500.00", "ai_assisted=false", "ai_service=")
                .writeTo(dir, "rest-stats.csv"));
        send("POST", "/api/claims?source=rest-stats.csv", "text/csv", csv);

        HttpResponse<String> notSettled = send("POST", "/api/settlements/RS1-C/2026-01/statistics?seed=3&resamples=200", null, null);
        send("POST", "/api/settlements/RS1-C/2026-01", null, null);
        HttpResponse<String> stats = send("POST", "/api/settlements/RS1-C/2026-01/statistics?seed=3&resamples=200", null, null);
        HttpResponse<String> again = send("POST", "/api/settlements/RS1-C/2026-01/statistics?seed=3&resamples=200", null, null);
        HttpResponse<String> fewResamples = send("POST", "/api/settlements/RS1-C/2026-01/statistics?resamples=5", null, null);
        HttpResponse<String> badPeriod = send("POST", "/api/settlements/RS1-C/2026-13/statistics", null, null);
        HttpResponse<String> readOnly = send("GET", "/api/settlements/RS1-C/2026-01/statistics", null, null);
        HttpResponse<String> tooManyResamples = send("POST", "/api/settlements/RS1-C/2026-01/statistics?resamples=100001", null, null);
        HttpResponse<String> stored = send("GET", "/api/settlements/RS1-C/2026-01/statistics/stored", null, null);
        HttpResponse<String> groups = send("GET", "/api/settlements/RS1-C/2026-01/groups?hospital=RS1-H001", null, null);
        HttpResponse<String> badGroups = send("GET", "/api/settlements/RS1-C/2026-1/groups", null, null);

        assertThat(stats.statusCode()).isEqualTo(200);
        // (2 x 8,543.60 - 15,000.00) / (2 x 8,543.60)
        assertThat(json.readTree(stats.body()).at("/statistics/savingsRate/rate").decimalValue()).isEqualByComparingTo("0.122150");
        assertThat(json.readTree(stats.body()).at("/statistics/aiEffect/difference").decimalValue())
                .isEqualByComparingTo("-0.117047");
        assertThat(again.body()).isEqualTo(stats.body());
        // stored once settled, with revision 1, and listed with it
        assertThat(json.readTree(notSettled.body()).get("storedWithRevision").isNull()).isTrue();
        assertThat(json.readTree(stats.body()).get("storedWithRevision").asInt()).isEqualTo(1);
        assertThat(json.readTree(stored.body())).hasSize(1);
        assertThat(json.readTree(stored.body()).at("/0/revision").asInt()).isEqualTo(1);
        assertThat(json.readTree(stored.body()).at("/0/seed").asLong()).isEqualTo(3);
        assertThat(json.readTree(stored.body()).at("/0/statistics").toString())
                .isEqualTo(json.readTree(stats.body()).get("statistics").toString());
        // DRG 193 at 1.3144 x 6,500.00 = 8,543.60: two AI-assisted cases included, one not eligible
        JsonNode group = json.readTree(groups.body()).get(0);
        assertThat(json.readTree(groups.body())).hasSize(1);
        assertThat(group.get("group").asString()).isEqualTo("193");
        assertThat(group.get("encounters").asLong()).isEqualTo(3);
        assertThat(group.get("aiAssisted").asLong()).isEqualTo(2);
        assertThat(group.get("included").asLong()).isEqualTo(2);
        assertThat(group.get("notEligible").asLong()).isEqualTo(1);
        assertThat(group.get("baselineTotal").decimalValue()).isEqualByComparingTo("17087.20");
        assertThat(group.get("actualTotal").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(group.get("savings").decimalValue()).isEqualByComparingTo("2087.20");
        assertThat(badGroups.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badGroups.body()).get("field").asString()).isEqualTo("period");
        assertThat(fewResamples.statusCode()).isEqualTo(400);
        assertThat(json.readTree(fewResamples.body()).get("detail").asString()).isEqualTo("resamples: must be between 100 and 100000, was 5");
        assertThat(tooManyResamples.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooManyResamples.body()).get("field").asString()).isEqualTo("resamples");
        // computing statistics stores them: a GET does not
        assertThat(readOnly.statusCode()).isEqualTo(405);
        assertThat(json.readTree(fewResamples.body()).get("field").asString()).isEqualTo("resamples");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
    }

    @Test
    void healthAndTheIngestDeadLetterAndLagMetricsAreAtTheConventionalEndpoints() throws Exception {
        double recordedBefore = metric("/actuator/metrics/outcomepay.claims.ingested?tag=outcome:recorded");
        double rejectedBefore = metric("/actuator/metrics/outcomepay.claims.ingested?tag=outcome:rejected");
        double openBefore = metric("/actuator/metrics/outcomepay.deadletters.open");
        String csv = Files.readString(ClaimsFile.claims().row("MT-1", "MT-H", "193", "8000.00")
                .row("MT-2", "MT-H", "193", "8000.00").row("MT-3", "MT-H", "193", "-1.00").writeTo(dir, "metrics.csv"));
        send("POST", "/api/claims?source=metrics.csv", "text/csv", csv);

        HttpResponse<String> health = send("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        assertThat(metric("/actuator/metrics/outcomepay.claims.ingested?tag=outcome:recorded") - recordedBefore).isEqualTo(2);
        assertThat(metric("/actuator/metrics/outcomepay.claims.ingested?tag=outcome:rejected") - rejectedBefore).isEqualTo(1);
        assertThat(metric("/actuator/metrics/outcomepay.deadletters.open") - openBefore).isEqualTo(1);
        // The ingest returned after the read models caught up: no lag left.
        assertThat(metric("/actuator/metrics/outcomepay.processor.lag?tag=processor:encounters")).isZero();
        assertThat(send("GET", "/actuator/prometheus", null, null).body()).contains("outcomepay_claims_ingested_total");
    }

    private double metric(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body()).at("/measurements/0/value").asDouble();
    }

    @Test
    void encountersComeFilteredAndPagedWithTheirLatestStateAndBadParametersAreRefused() throws Exception {
        String csv = Files.readString(ClaimsFile.claims()
                .row("EQ-1", "EQ-H", "193", "8000.00", "discharge_date=2026-01-15")
                .row("EQ-2", "EQ-H", "193", "8000.00", "discharge_date=2026-01-20", "ai_assisted=false", "ai_service=")
                .row("EQ-3", "EQ-H", "871", "9000.00", "discharge_date=2026-02-03")
                .row("EQ-1R", "EQ-H", "193", "7000.00", "discharge_date=2026-01-15", "claim_frequency=replacement",
                        "original_claim_id=EQ-1")
                .writeTo(dir, "encounters.csv"));
        send("POST", "/api/claims?source=encounters.csv", "text/csv", csv);

        JsonNode january = json.readTree(send("GET", "/api/encounters?hospital=EQ-H&from=2026-01-01&to=2026-01-31&size=1",
                null, null).body());
        JsonNode second = json.readTree(send("GET", "/api/encounters?hospital=EQ-H&from=2026-01-01&to=2026-01-31&size=1&page=1",
                null, null).body());
        JsonNode assisted = json.readTree(send("GET", "/api/encounters?hospital=EQ-H&aiAssisted=true", null, null).body());
        HttpResponse<String> tooBig = send("GET", "/api/encounters?size=5000", null, null);
        HttpResponse<String> badDate = send("GET", "/api/encounters?from=2026-13-01", null, null);

        assertThat(january.get("total").asLong()).isEqualTo(2);
        assertThat(january.at("/items/0/currentClaimId").asString()).isEqualTo("EQ-1R");
        assertThat(january.at("/items/0/allowedAmount").decimalValue()).isEqualByComparingTo("7000.00");
        assertThat(january.at("/items/0/correctionCount").asInt()).isEqualTo(1);
        assertThat(second.at("/items/0/originalClaimId").asString()).isEqualTo("EQ-2");
        assertThat(assisted.get("total").asLong()).isEqualTo(2);
        JsonNode summary = json.readTree(send("GET", "/api/hospitals/EQ-H/summary?period=2026-01", null, null).body());
        assertThat(summary.size()).isEqualTo(1);
        assertThat(summary.at("/0/encounters").asLong()).isEqualTo(2);
        assertThat(summary.at("/0/aiAssisted").asLong()).isEqualTo(1);
        assertThat(summary.at("/0/allowedTotal").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(json.readTree(send("GET", "/api/hospitals/EQ-H/summary?period=2026-1", null, null).body())
                .get("field").asString()).isEqualTo("period");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooBig.body()).get("field").asString()).isEqualTo("size");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badDate.body()).get("field").asString()).isEqualTo("from");
    }

    @Test
    void aVendorsRevenueIsItsShareOfEachSettledMonthPerHospitalWithTotals() throws Exception {
        send("POST", "/api/contracts", "application/yaml", Contracts.yaml("VR-C", "VR-H1, VR-H2", "2026-01-01", "6500.00")
                .replace("VENDOR-1", "VR-V"));
        String csv = Files.readString(ClaimsFile.claims()
                .row("VR-1", "VR-H1", "193", "7000.00").row("VR-2", "VR-H2", "193", "7500.00")
                .row("VR-3", "VR-H1", "193", "6000.00", "admit_date=2026-02-01", "discharge_date=2026-02-05")
                .writeTo(dir, "vendor.csv"));
        send("POST", "/api/claims?source=vendor.csv", "text/csv", csv);
        JsonNode january = json.readTree(send("POST", "/api/settlements/VR-C/2026-01", null, null).body());
        JsonNode february = json.readTree(send("POST", "/api/settlements/VR-C/2026-02", null, null).body());

        JsonNode report = json.readTree(send("GET", "/api/vendors/VR-V/revenue?from=2025-12&to=2026-03", null, null).body());
        HttpResponse<String> backwards = send("GET", "/api/vendors/VR-V/revenue?from=2026-03&to=2026-01", null, null);
        HttpResponse<String> noFrom = send("GET", "/api/vendors/VR-V/revenue?to=2026-01", null, null);

        assertThat(report.get("lines").size()).isEqualTo(4);
        assertThat(report.at("/lines/0/period").asString()).isEqualTo("2026-01");
        assertThat(report.at("/lines/0/hospitalId").asString()).isEqualTo("VR-H1");
        assertThat(report.at("/lines/0/amount").decimalValue())
                .isEqualByComparingTo(january.at("/result/hospitals/0/vendor").decimalValue());
        assertThat(report.at("/lines/1/amount").decimalValue())
                .isEqualByComparingTo(january.at("/result/hospitals/1/vendor").decimalValue());
        assertThat(report.at("/lines/2/amount").decimalValue())
                .isEqualByComparingTo(february.at("/result/hospitals/0/vendor").decimalValue());
        assertThat(report.at("/lines/0/fingerprint").asString()).isEqualTo(january.at("/result/fingerprint").asString());
        assertThat(report.at("/totals/0/hospitalId").asString()).isEqualTo("VR-H1");
        assertThat(report.at("/totals/0/amount").decimalValue()).isEqualByComparingTo(
                january.at("/result/hospitals/0/vendor").decimalValue().add(february.at("/result/hospitals/0/vendor").decimalValue()));
        assertThat(report.at("/totals/0/amount").decimalValue()).isPositive();
        assertThat(json.readTree(send("GET", "/api/vendors/NOBODY/revenue?from=2026-01&to=2026-02", null, null).body())
                .get("lines").size()).isZero();
        JsonNode settled = json.readTree(send("GET", "/api/settlements?contract=VR-C&from=2026-01&to=2026-12", null, null).body());
        assertThat(settled.size()).isEqualTo(2);
        assertThat(settled.at("/0/period").asString()).isEqualTo("2026-01");
        assertThat(settled.at("/0/fingerprint").asString()).isEqualTo(january.at("/result/fingerprint").asString());
        assertThat(settled.at("/1/vendor").decimalValue()).isEqualByComparingTo(february.at("/result/total/vendor").decimalValue());
        assertThat(send("GET", "/api/settlements?from=2026-02&to=2026-01", null, null).statusCode()).isEqualTo(400);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(json.readTree(backwards.body()).get("field").asString()).isEqualTo("to");
        assertThat(noFrom.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noFrom.body()).get("field").asString()).isEqualTo("from");
    }

    @Test
    void answersErrorsWithTheReason() throws Exception {
        HttpResponse<String> missing = send("GET", "/api/contracts/NOPE", null, null);
        HttpResponse<String> badPeriod = send("POST", "/api/settlements/NOPE/2026-13", null, null);
        HttpResponse<String> notInForce = send("POST", "/api/settlements/NOPE/2026-01", null, null);
        HttpResponse<String> badYaml = send("POST", "/api/contracts", "application/yaml", "id: [");
        HttpResponse<String> badSeed = send("POST", "/api/settlements/NOPE/2026-01/statistics?seed=abc", null, null);
        HttpResponse<String> badStatus = send("GET", "/api/dead-letters?status=closed", null, null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("detail").asString()).isEqualTo("no contract NOPE");
        // RFC 9457 problem details
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(missing.body()).get("status").asInt()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("title").asString()).isEqualTo("Not Found");
        assertThat(json.readTree(missing.body()).get("instance").asString()).isEqualTo("/api/contracts/NOPE");
        assertThat(badSeed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badSeed.body()).get("field").asString()).isEqualTo("seed");
        assertThat(json.readTree(badSeed.body()).get("detail").asString()).isEqualTo("seed: 'abc' is not a valid long");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badStatus.body()).get("field").asString()).isEqualTo("status");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(notInForce.statusCode()).isEqualTo(422);
        assertThat(json.readTree(notInForce.body()).get("detail").asString()).isEqualTo("contract NOPE is not in force on 2026-01-01");
        assertThat(badYaml.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badYaml.body()).get("detail").asString()).startsWith("request body: not valid YAML");
    }

    @Test
    void publishesItsOpenApiDescription() throws Exception {
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json.readTree(docs.body()).get("paths").propertyNames())
                .contains("/api/claims", "/api/contracts", "/api/settlements/{contractId}/{period}", "/api/dead-letters");
    }
}
