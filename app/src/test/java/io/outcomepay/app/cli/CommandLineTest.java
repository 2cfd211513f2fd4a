package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePay;
import io.outcomepay.app.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int code = OutcomePay.execute(args);
            return new Run(code, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("demo"), List.of("ingest"), List.of("contract"),
                List.of("contract", "create"), List.of("contract", "amend"), List.of("contract", "show"),
                List.of("settle"), List.of("dead-letters"), List.of("serve"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Run run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: outcomepay");
        }
    }

    @Test
    void settlesTotalsWithoutADatabaseAndReportsABadRowByLineWhileTheOthersSettle(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("totals.csv"), String.join("\n",
                "participant_id,preset,assigned,benchmark_total,expenditure_total,quality_score,msr,withhold,"
                        + "per_capita_benchmark,person_years",
                "P1,mssp-track-1,60000,1000000.00,950000.00,0.9,,,,",
                "P2,mssp-track-9,60000,1000000.00,950000.00,0.9,,,,",
                "P3,vendor-gainshare,1,1000000.00,950000.00,,,,,",
                "P4,mssp-track-1,60000,1000000.00,950000.00,0.9,0.06,0,,",
                "P5,mssp-track-1,60000,,950000.00,0.9,,,10000.00,100") + "\n");
        Path out = dir.resolve("out/results.csv");

        Run run = run("settle-totals", "--in", in.toString(), "--out", out.toString(), "--trace",
                dir.resolve("trace.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("totals.csv line 3 (P2): preset: unknown 'mssp-track-9'");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("participant_id,savings,savings_rate,msr,generated,final_share_rate,earned,fingerprint");
        // 50,000 x 0.45 x 0.98; vendor-gainshare: 50,000 x 1 (no gate, no withhold), capped at 100,000
        assertThat(lines.get(1)).startsWith("P1,50000.00,0.050000000,0.02,50000.00,0.45,22050.00,");
        assertThat(lines.get(2)).startsWith("P3,50000.00,0.050000000,0.02,50000.00,1,50000.00,");
        assertThat(lines.get(3)).startsWith("P4,50000.00,0.050000000,0.06,0.00,0.45,0.00,");
        assertThat(lines.get(4)).as("per-capita 10,000.00 x 100 person-years").startsWith("P5,50000.00,");
        assertThat(lines.get(4).split(",")[6]).isEqualTo(lines.get(1).split(",")[6]);
        assertThat(lines).hasSize(5);
        assertThat(Files.readString(dir.resolve("trace.json"))).contains("\"name\" : \"after_withhold\"")
                .contains("\"value\" : \"22050.0000000\"");
    }

    @Test
    void aBadPeriodFailsWithAOneLineReason() {
        Run run = run("settle", "--contract", "C-1", "--period", "2026-13");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("outcomepay: error: --period '2026-13' is not a month YYYY-MM"
                + System.lineSeparator());
    }

    @Test
    void aMissingClaimsFileFailsWithAOneLineReason() {
        Run run = run("ingest", "/no/such/claims.csv");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("outcomepay: error: cannot read claims file /no/such/claims.csv"
                + System.lineSeparator());
    }

    @Test
    void theDemoRunTwiceGivesTheSameFingerprintAndAppendsNoEvents(@TempDir Path home) throws Exception {
        System.setProperty("spring.datasource.url", TestDatabase.createDatabase("cli_demo"));
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("outcomepay.home", home.toString());
        try {
            Path out = home.resolve("out");
            Run first = run("demo", "--encounters", "300", "--out", out.toString());
            String firstCsv = Files.readString(out.resolve("settlement-C-2026-001-2026-01.csv"));
            Run second = run("demo", "--encounters", "300", "--out", out.toString());

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(fingerprint(second.out())).isEqualTo(fingerprint(first.out()));
            assertThat(first.out()).doesNotContain("Events appended by this run: 0");
            assertThat(second.out()).contains("Events appended by this run: 0")
                    .contains("recorded 0, duplicate")
                    .contains("unchanged, nothing recorded");
            assertThat(Files.readString(out.resolve("settlement-C-2026-001-2026-01.csv"))).isEqualTo(firstCsv);
            assertThat(firstCsv.lines()).hasSize(5).last().asString().startsWith("C-2026-001,2026-01,TOTAL,");
            assertThat(Files.readAllBytes(home.resolve("pseudonym.key"))).hasSize(32);
            assertThat(Files.readString(out.resolve("rejected-claims-2026-01.csv")).lines()).hasSize(13);
            Run explained = run("settle", "explain", "--contract", "C-2026-001", "--period", "2026-01");
            assertThat(explained.exitCode()).as(explained.err()).isZero();
            // January was closed, then corrected late: the change is carried into February, not into January
            assertThat(explained.out()).contains("Contract version 1, baseline ms-drg-v43 version 1")
                    .contains("Fingerprint " + fingerprint(first.out()))
                    .contains("Settling again now would give ")
                    .contains("Status: closed, calculated by finance-maker, approved by finance-checker, closed by controller")
                    .contains("carried into the month after the contract's last closed month as a prior-period adjustment");
            assertThat(second.out()).contains("prior-period adjustment for 2026-01 (closed revision 1)")
                    .contains("partial     VENDOR-1-")
                    .contains("audit chain 2026-01: intact");
            assertThat(Files.readString(out.resolve("reconciliation-C-2026-001-2026-01.csv")).lines())
                    .filteredOn(l -> l.startsWith("partial,VENDOR-1-")).singleElement().asString().contains(",100.00,");
            Run json = run("settle", "explain", "--contract", "C-2026-001", "--period", "2026-01", "--json");
            assertThat(json.out()).contains("\"fingerprint\" : \"" + fingerprint(first.out()) + "\"");
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("outcomepay.home");
        }
    }

    private static String fingerprint(String output) {
        Matcher m = Pattern.compile("Fingerprint ([0-9a-f]{64})").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }
}
