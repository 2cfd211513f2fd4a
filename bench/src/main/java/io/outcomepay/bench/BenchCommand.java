package io.outcomepay.bench;

import io.outcomepay.analytics.baselines.BaselineCatalog;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.demo.DemoClaims;
import io.outcomepay.app.demo.DemoInstitutionalClaims;
import io.outcomepay.app.kafka.KafkaClients;
import io.outcomepay.app.kafka.KafkaIntakeService;
import io.outcomepay.analytics.catchup.StoredEvents;
import io.outcomepay.app.cli.ParentCommand;
import io.outcomepay.app.cli.RuntimeCommand;
import io.outcomepay.claims.application.IngestingClaimFile;
import io.outcomepay.claims.csv.ClaimCsvReader;
import io.outcomepay.claims.csv.ClaimCsvRecordParser;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.kafka.PublishingClaimFiles;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: figures for BENCHMARKS.md, each against references measured in the same run.",
        subcommands = {BenchCommand.Ingest.class, BenchReplayCommand.class, BenchSettleCommand.class, BenchReportsCommand.class})
public class BenchCommand extends ParentCommand {


    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Generate claims and measure, in one run on the same PostgreSQL:",
                    "(a) COPY of the normalized rows into a plain table; (b) one insert per claim of an event-like row",
                    "(jsonb payload, unique event id and (aggregate, sequence) indexes), 500 per transaction;",
                    "(c) naive Axon, one command per transaction, on a sample; (d) our CSV, 837I and Kafka paths end",
                    "to end: events durable and read models caught up. Run with JAVA_OPTS=-Xmx512m for the goal's heap."})
    static class Ingest extends RuntimeCommand {

        @Option(names = "--claims", defaultValue = "100000", description = "claims per path (default ${DEFAULT-VALUE})")
        int claims;

        @Option(names = "--axon-sample", defaultValue = "2000",
                description = "claims for the naive Axon reference (default ${DEFAULT-VALUE})")
        int axonSample;

        @Option(names = "--paths", split = ",", defaultValue = "csv,x12,kafka",
                description = "our paths to measure: csv, x12, kafka (default ${DEFAULT-VALUE})")
        List<String> paths;

        private static final int GENERATED_PART = 50_000;

        private final Map<String, String> rows = new LinkedHashMap<>();

        @Override
        protected boolean needsKafka() {
            return paths.contains("kafka");
        }

        @Override
        protected int run(OutcomePayRuntime runtime) {
            Clock clock = runtime.bean(Clock.class);
            String run = "B" + Long.toString(clock.millis(), 36).toUpperCase(Locale.ROOT);
            Path dir = runtime.homeDirectory().resolve("bench").resolve(run);
            out().println("bench " + run + ": " + claims + " claims per path, files in " + dir + ", heap max "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, " + Runtime.getRuntime().availableProcessors()
                    + " cores; " + runtime.databaseDescription() + "; " + runtime.kafkaDescription());
            BenchTables tables = BenchTables.of(runtime);
            StoredEvents stored = runtime.bean(StoredEvents.class);
            EventProcessor outbound = runtime.bean(EventProcessingConfiguration.class)
                    .eventProcessor(ReadModelCatchUp.OUTBOUND).orElse(null);
            long eventsBefore = 0;
            if (outbound != null) {
                // The paths run without publishing events (as `ingest FILE` does); publishing is measured apart.
                runtime.bean(ReadModelCatchUp.class).awaitOutbound();
                outbound.shutDown();
                eventsBefore = stored.count();
            }
            Path reference = generate(dir, run + "R-", claims, clock);
            Path normalized = dir.resolve("normalized.tsv");
            Path eventRows = dir.resolve("event-rows.tsv");
            long rendered = timed("parse + validate + pseudonymize (no database)", () -> render(runtime, reference, normalized, eventRows));
            timed("(a) COPY into a plain table", () -> tables.copyNormalized(normalized));
            timed("(b) one insert per claim, event-like jsonb row, 500 per transaction", () -> tables.insertEventRows(eventRows));
            Path sample = generate(dir, run + "A-", Math.min(axonSample, claims), clock);
            timed("(c) naive Axon: one command per transaction (sample)", () -> naiveAxon(runtime, sample));
            if (paths.contains("csv")) {
                Path csv = generate(dir, run + "C-", claims, clock);
                long start = System.nanoTime();
                long landed = timed("(d) CSV file: landed (events durable)", () -> landFile(runtime, csv));
                runtime.bean(ReadModelCatchUp.class).await();
                row("(d) CSV file: landed and read models caught up", landed, System.nanoTime() - start);
            }
            if (paths.contains("x12")) {
                Path csv = generate(dir, run + "X-", claims, clock);
                Path x12 = dir.resolve("claims-" + run + "X.837");
                DemoInstitutionalClaims.write(csv, x12, 5000);
                long start = System.nanoTime();
                long landed = timed("(d) X12 837I file: landed (events durable)", () -> landFile(runtime, x12));
                runtime.bean(ReadModelCatchUp.class).await();
                row("(d) X12 837I file: landed and read models caught up", landed, System.nanoTime() - start);
            }
            if (paths.contains("kafka")) {
                Path csv = generate(dir, run + "K-", claims, clock);
                long start = System.nanoTime();
                timed("(d) Kafka: CSV published to outcomepay.claims", () -> publish(runtime, csv));
                long consumed = timed("(d) Kafka: consumed, landed and read models caught up", () -> {
                    KafkaIntakeService.Tally tally = runtime.bean(KafkaIntakeService.class)
                            .drain(Duration.ofHours(2), IngestingClaims.Listener.silent());
                    out().println("  Kafka intake: " + tally.summary());
                    return tally.claims().read();
                });
                row("(d) Kafka end to end: published, consumed, landed, read models caught up", consumed,
                        System.nanoTime() - start);
                if (outbound != null) {
                    // Then every event appended by this run goes out to outcomepay.events.
                    long events = stored.count() - eventsBefore;
                    long publishing = System.nanoTime();
                    outbound.start();
                    runtime.bean(ReadModelCatchUp.class).awaitOutbound();
                    row("outbound: the events of this run published to outcomepay.events", events,
                            System.nanoTime() - publishing);
                }
            }
            out().println();
            out().println("| measured | records | seconds | records/s |");
            out().println("|---|---:|---:|---:|");
            rows.values().forEach(r -> out().println(r));
            out().println("reference rows: " + rendered);
            return 0;
        }

        /**
         * Demo claims in parts of at most 50,000 encounters (the generator holds a part in memory),
         * each with its own id prefix, its bad records and its corrections, in one file.
         */
        private Path generate(Path dir, String prefix, int count, Clock clock) {
            Path file = dir.resolve("claims-" + prefix.substring(0, prefix.length() - 1) + ".csv");
            Path part = dir.resolve("part.csv");
            try {
                Files.createDirectories(dir);
                Files.deleteIfExists(file);
                for (int from = 0, n = 0; from < count; from += GENERATED_PART, n++) {
                    DemoClaims.write(part, new DemoClaims.Settings(clock.millis() + n, Math.min(GENERATED_PART, count - from),
                            YearMonth.of(2030, 1), new BigDecimal("6500.00"), prefix + n + "-"));
                    try (var lines = Files.lines(part, StandardCharsets.UTF_8);
                         BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                                 java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                        var rows = lines.iterator();
                        String header = rows.next();
                        if (from == 0) {
                            out.write(header);
                            out.write('\n');
                        }
                        while (rows.hasNext()) {
                            out.write(rows.next());
                            out.write('\n');
                        }
                    }
                }
                Files.delete(part);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            return file;
        }

        private interface Measured {
            long run();
        }

        private long timed(String what, Measured measured) {
            long start = System.nanoTime();
            long records = measured.run();
            row(what, records, System.nanoTime() - start);
            return records;
        }

        private void row(String what, long records, long nanos) {
            double seconds = nanos / 1e9;
            String row = String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f |", what, records, seconds, records / seconds);
            rows.put(what, row);
            out().println(row);
            out().flush();
        }

        /** Reads the file once and writes its claims as COPY rows and as event-like rows. */
        private static long render(OutcomePayRuntime runtime, Path file, Path normalized, Path eventRows) {
            Set<String> drgs = runtime.bean(BaselineCatalog.class).knownDrgCodes();
            Pseudonymizer pseudonymizer = runtime.bean(Pseudonymizer.class);
            JsonMapper json = runtime.context().getBean("readModelJson", JsonMapper.class);
            long count = 0;
            try (ClaimCsvReader reader = ClaimCsvReader.open(file, List.of(new ClaimCsvRecordParser(drgs::contains,
                    code -> false, pseudonymizer)), pseudonymizer);
                 BufferedWriter rows = Files.newBufferedWriter(normalized, StandardCharsets.UTF_8);
                 BufferedWriter events = Files.newBufferedWriter(eventRows, StandardCharsets.UTF_8)) {
                while (reader.hasNext()) {
                    IntakeItem item = reader.next();
                    if (!(item instanceof NormalizedClaim.Original original)) {
                        continue;
                    }
                    var c = original.claim();
                    rows.write(String.join("\t", c.claimId(), c.hospitalId(), c.patientPseudonym(), c.admitDate().toString(),
                            c.dischargeDate().toString(), c.drg() == null ? "\\N" : c.drg(), c.billedAmount().toPlainString(),
                            c.allowedAmount().toPlainString(), c.paidAmount().toPlainString(), c.currency(),
                            Boolean.toString(c.aiAssisted())));
                    rows.write('\n');
                    events.write(original.command().encounterId());
                    events.write('\t');
                    events.write(json.writeValueAsString(original.claim()));
                    events.write('\n');
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return count;
        }

        private static long naiveAxon(OutcomePayRuntime runtime, Path sample) {
            Set<String> drgs = runtime.bean(BaselineCatalog.class).knownDrgCodes();
            Pseudonymizer pseudonymizer = runtime.bean(Pseudonymizer.class);
            CommandGateway commands = runtime.bean(CommandGateway.class);
            TransactionTemplate tx = new TransactionTemplate(runtime.bean(PlatformTransactionManager.class));
            long count = 0;
            try (ClaimCsvReader reader = ClaimCsvReader.open(sample, List.of(new ClaimCsvRecordParser(drgs::contains,
                    code -> false, pseudonymizer)), pseudonymizer)) {
                while (reader.hasNext()) {
                    if (reader.next() instanceof NormalizedClaim.Original original) {
                        tx.executeWithoutResult(s -> commands.sendAndWait(original.command()));
                        count++;
                    }
                }
            }
            return count;
        }

        private long landFile(OutcomePayRuntime runtime, Path file) {
            IngestReport report = runtime.bean(IngestingClaimFile.class).ingest(
                    new IngestingClaimFile.IngestFile(file, IngestingClaims.Listener.silent(), false));
            out().println("  " + report.source() + ": " + report.summary());
            return report.read();
        }

        private static long publish(OutcomePayRuntime runtime, Path csv) {
            try (Producer<String, byte[]> producer = runtime.bean(KafkaClients.class).producer()) {
                return new PublishingClaimFiles(producer, 500).publish(csv, n -> {
                }).records();
            }
        }
    }
}
