package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.demo.DemoClaims;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.claims.csv.ClaimCsvReader;
import io.outcomepay.claims.csv.ClaimCsvRecordParser;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.analytics.baselines.BaselineCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure claims ingest on this machine, with two references measured in the same run:",
                "parsing and validating the file alone, and plain JDBC batch inserts of as many rows into a",
                "scratch table (what the database itself allows). Prints a row for BENCHMARKS.md."})
public class BenchCommand extends RuntimeCommand {

    @Option(names = "--claims", defaultValue = "20000", description = "claims to generate (default ${DEFAULT-VALUE})")
    int claims;

    @Override
    int run(OutcomePayRuntime runtime) {
        Clock clock = runtime.bean(Clock.class);
        String tag = "B" + Long.toString(clock.millis(), 36).toUpperCase(Locale.ROOT) + "-";
        Path file = runtime.homeDirectory().resolve("bench").resolve("claims-" + tag.substring(0, tag.length() - 1) + ".csv");
        DemoClaims.write(file, new DemoClaims.Settings(clock.millis(), claims, YearMonth.of(2030, 1),
                new BigDecimal("6500.00"), tag));

        Set<String> drgs = runtime.bean(BaselineCatalog.class).knownDrgCodes();
        Pseudonymizer pseudonymizer = runtime.bean(Pseudonymizer.class);
        long parseStart = System.nanoTime();
        long parsed = 0;
        try (ClaimCsvReader reader = ClaimCsvReader.open(file, List.of(new ClaimCsvRecordParser(drgs::contains, code -> false, pseudonymizer)),
                pseudonymizer)) {
            while (reader.hasNext()) {
                reader.next();
                parsed++;
            }
        }
        double parseSeconds = seconds(parseStart);

        double jdbcSeconds = plainInserts(runtime, (int) parsed);

        long ingestStart = System.nanoTime();
        IngestReport report;
        try (ClaimCsvReader reader = ClaimCsvReader.open(file, List.of(new ClaimCsvRecordParser(drgs::contains, code -> false, pseudonymizer)),
                pseudonymizer)) {
            report = runtime.bean(IngestingClaims.class).ingest(reader, IngestingClaims.Listener.silent());
        }
        double appendSeconds = seconds(ingestStart);
        runtime.bean(ReadModelCatchUp.class).await();
        double ingestSeconds = seconds(ingestStart);

        out().println(report.source() + ": " + report.summary());
        out().println("| records | landed (events appended) records/s | landed and projected records/s "
                + "| reference: parse+validate records/s | reference: plain JDBC batch rows/s |");
        out().printf(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f |%n", report.read(), report.read() / appendSeconds,
                report.read() / ingestSeconds, parsed / parseSeconds, parsed / jdbcSeconds);
        return 0;
    }

    /** Rows shaped like an encounter event (about 600 bytes), 500 per transaction, into a scratch table. */
    private static double plainInserts(OutcomePayRuntime runtime, int rows) {
        JdbcTemplate jdbc = runtime.bean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(runtime.bean(PlatformTransactionManager.class));
        jdbc.execute("drop table if exists bench_reference");
        jdbc.execute("create table bench_reference (id bigserial primary key, aggregate_identifier varchar(255) not null, "
                + "sequence_number bigint not null, payload bytea not null, unique (aggregate_identifier, sequence_number))");
        byte[] payload = "x".repeat(600).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += 500) {
            int first = from;
            List<Object[]> batch = new ArrayList<>();
            for (int i = first; i < Math.min(rows, first + 500); i++) {
                batch.add(new Object[]{"bench-" + i, 0L, payload});
            }
            tx.executeWithoutResult(s -> jdbc.batchUpdate(
                    "insert into bench_reference (aggregate_identifier, sequence_number, payload) values (?, ?, ?)", batch));
        }
        double elapsed = seconds(start);
        jdbc.execute("drop table bench_reference");
        return elapsed;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
