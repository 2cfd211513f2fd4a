package io.outcomepay.app.fuzz;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.processing.ParkedEvents;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.claims.intake.IngestingClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz test of the readers (claims-adapter's MalformedInputFuzzTest, 10,000 inputs) carried to
 * the REST bodies: 1,000 malformed usage events, contracts, claims and payment files posted to the
 * running application. Each is answered with a success or a problem (4xx, a detail to act on),
 * never a server error; afterwards no read model has parked or stopped and a month still settles.
 */
class RestBodiesFuzzTest extends IntegrationTest {

    private static final String USAGE = """
            [{"event_id":"FZ-EV-%d","vendor":"VENDOR-1","ai_service":"sepsis-watch","model_version":"2",\
            "hospital_id":"FZ-H1","claim_id":"FZ-%d","occurred_at":"2026-01-11T08:00:00Z","kind":"inference"}]""";
    private static final String PAYMENTS = "reference,payer,payee,amount,currency,paid_on\nFZ-PAY-%d,INS-1,FZ-H1,100.00,USD,2026-02-10\n";

    @Autowired
    UseCases operations;
    @Autowired
    ParkedEvents parked;
    @Autowired
    ReadModelCatchUp catchUp;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private final Random random = new Random(20261208L);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private String mutate(String text) {
        int at = random.nextInt(Math.max(1, text.length()));
        return switch (random.nextInt(12)) {
            case 0 -> text.substring(0, at);                                                  // truncated
            case 1 -> text.substring(0, at) + "\"" + text.substring(at);                      // stray quote
            case 2 -> text.substring(0, at) + "x".repeat(100_000) + text.substring(at);       // huge field
            case 3 -> text.replace("100.00", "1E+999999999").replace("6500.00", "1E+999999999")
                    .replace("8000.00", "1e999");                                             // exploding numbers
            case 4 -> text.replace("2026-01-11T08:00:00Z", "+999999999-01-01T00:00:00Z")
                    .replace("2026-02-10", "0000-00-00").replace("2026-01-15", "9999-99-99"); // impossible dates
            case 5 -> text.substring(0, at) + "\u0000\u0007\u202e" + text.substring(at);      // control characters
            case 6 -> text.replace("FZ-H1", "H".repeat(300)).replace("VENDOR-1", "V".repeat(300)); // over the limits
            case 7 -> text.replace("\"claim_id\":\"FZ-", "\"encounter_ref\":\"FZ-");           // not a UUID
            case 8 -> "{".repeat(5_000) + text;                                               // deep nesting
            case 9 -> text.replace(",", ";").replace(":", "=");                               // wrong separators
            case 10 -> text.replace("-", "\uD800");                                           // lone surrogates
            default -> {
                StringBuilder out = new StringBuilder(text);
                for (int i = 0; i < 5; i++) {
                    out.setCharAt(random.nextInt(out.length()), (char) (33 + random.nextInt(90)));
                }
                yield out.toString();
            }
        };
    }

    @Test
    @Timeout(600)
    void aThousandMalformedRestBodiesAreEachAnsweredWithoutAServerErrorAndNothingStops() throws Exception {
        // the fuzzed contracts cover a hospital of their own: one insurer has one contract per hospital and month
        String contract = Contracts.yaml("FZ-C", "FZ-HC", "2026-01-01", "6500.00");
        String claims = Files.readString(ClaimsFile.claims().row("FZ-0", "FZ-H1", "193", "8000.00").writeTo(dir, "fz.csv"));
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<String> response = switch (i % 4) {
                case 0 -> post("/api/ai-usage", "application/json", mutate(USAGE.formatted(i, i)), false);
                case 1 -> post("/api/contracts", "application/yaml", mutate(contract.replace("FZ-C", "FZ-C" + i)), false);
                case 2 -> post("/api/claims?source=fz-" + i + ".csv", "text/csv", mutate(claims.replace("FZ-0", "FZ-" + i)), false);
                default -> post("/api/payments?source=fz-" + i + ".csv", "text/csv", mutate(PAYMENTS.formatted(i)), true);
            };
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertThat(response.statusCode()).as("request %d: %s", i, response.body()).isLessThan(500);
            if (response.statusCode() >= 400) {
                assertThat(json.readTree(response.body()).get("detail").asString()).as("request %d", i).isNotBlank();
            }
        }

        // whatever the damage, a rejected record keeps no raw patient id (the files name them MRN-RAW-…)
        assertThat(jdbc.queryForList("select line || ' ' || field || ' ' || reason || ' ' || raw_record from claim_dead_letter "
                + "where source_file like 'fz-%' and claim_dead_letter::text like '%MRN-RAW%'", String.class)).isEmpty();
        assertThat(statuses.keySet()).as("answered %s", statuses).isSubsetOf(Set.of(200, 400, 409, 413, 415, 422));
        assertThat(statuses).containsKeys(200, 400);
        catchUp.await();
        assertThat(parked.list(null, 10)).isEmpty();
        operations.createContract(Contracts.definition("FZ-C", "FZ-H1", "2026-01-01", "6500.00"));
        operations.ingestCsv(ClaimsFile.claims().row("FZ-OK", "FZ-H1", "193", "8000.00").writeTo(dir, "fz-ok.csv"),
                IngestingClaims.Listener.silent());
        assertThat(operations.settle("FZ-C", YearMonth.of(2026, 1)).result().total().encounters()).isPositive();
    }

    private HttpResponse<String> post(String path, String contentType, String body, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType + "; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signedIn) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("finance-maker:maker-secret".getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
