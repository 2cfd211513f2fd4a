package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.kafka.KafkaClients;
import io.outcomepay.app.kafka.KafkaIntakeService;
import io.outcomepay.claims.application.ImportingPayments;
import io.outcomepay.claims.application.IngestingClaimFile;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.kafka.IntakeTopics;
import io.outcomepay.claims.kafka.PublishingClaimFiles;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest a claims file: X12 837I or 835, FHIR R4 JSON (resource, Bundle or NDJSON),",
                "or CSV (the neutral format or the 结算清单; UTF-8 or GB18030), detected from its content.",
                "Prints counts: read, recorded, duplicate, corrected, voided, rejected. Each rejected record is",
                "printed and kept in the dead-letter store with file, position, field and reason; good records land.",
                "Ingesting the same file again records nothing new.",
                "With --kafka the file is published to the intake topic " + IntakeTopics.CLAIMS + " and then read",
                "back from it by the Kafka intake (the embedded broker, or KAFKA_BOOTSTRAP_SERVERS)."})
public class IngestCommand extends RuntimeCommand {

    @Parameters(paramLabel = "FILE", description = "claims file")
    Path file;

    @Option(names = "--kafka", description = "go through Kafka: publish the file to " + IntakeTopics.CLAIMS
            + ", then consume the intake topics until they are read to their end")
    boolean kafka;

    @Option(names = "--publish-only", description = "with --kafka: publish only; a running `serve` (or a later"
            + " ingest --kafka) consumes it")
    boolean publishOnly;

    @Option(names = "--payer", paramLabel = "ID", description = "the payer (an insurer's id, as contracts' payers"
            + " name it) of the claims and remittances that name none")
    String payer;

    @Option(names = "--records-per-message", defaultValue = "500",
            description = "with --kafka: CSV rows or NDJSON lines per Kafka message (default ${DEFAULT-VALUE})")
    int recordsPerMessage;

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read claims file " + file);
        }
        if (publishOnly && !kafka) {
            throw new IllegalArgumentException("--publish-only goes with --kafka");
        }
        return super.call();
    }

    @Override
    protected boolean needsKafka() {
        return kafka;
    }

    @Override
    protected int run(OutcomePayRuntime runtime) {
        if (kafka) {
            return throughKafka(runtime);
        }
        IngestReport report = ingest(runtime, file, payer, this);
        out().println(report.source() + ": " + report.summary());
        if (isRemittance(file)) {
            // an 835 also states the payments it makes (BPR, TRN): recorded as payments, applied to an invoice it names
            ImportingPayments.PaymentsImported payments = runtime.bean(ImportingPayments.class)
                    .importPayments(ImportingPayments.ImportPayments.file(file));
            payments.rejections().forEach(r -> out().println("REJECTED payment " + r));
            out().println(report.source() + " payments: " + payments.summary());
        }
        return 0;
    }

    private static boolean isRemittance(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return io.outcomepay.claims.intake.ClaimFormat.sniff(
                    in.readNBytes(io.outcomepay.claims.intake.ClaimFormat.DETECTION_BYTES)).isRemittance();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    private int throughKafka(OutcomePayRuntime runtime) {
        ProgressBar progress = new ProgressBar(out(), err(), runtime.bean(Clock.class));
        PublishingClaimFiles.Published published;
        long size = sizeOf(file);
        try (Producer<String, byte[]> producer = runtime.bean(KafkaClients.class).producer()) {
            published = new PublishingClaimFiles(producer, recordsPerMessage)
                    .publish(file, payer, records -> progress.progress(records, 0, -1));
        } finally {
            progress.done();
        }
        out().println(published.source() + ": published " + published.records() + " records in " + published.messages()
                + " messages (" + published.format() + ", " + size + " bytes) to " + IntakeTopics.CLAIMS
                + " (" + runtime.kafkaDescription() + ")");
        if (publishOnly) {
            return 0;
        }
        ProgressBar reading = new ProgressBar(out(), err(), runtime.bean(Clock.class));
        KafkaIntakeService.Tally tally;
        try {
            tally = runtime.bean(KafkaIntakeService.class).drain(Duration.ofMinutes(30), reading);
        } finally {
            reading.done();
        }
        out().println("Kafka intake: " + tally.summary());
        return 0;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static IngestReport ingest(OutcomePayRuntime runtime, Path file, String payer, RuntimeCommand command) {
        ProgressBar progress = new ProgressBar(command.out(), command.err(), runtime.bean(Clock.class));
        try {
            return runtime.bean(IngestingClaimFile.class).ingest(new IngestingClaimFile.IngestFile(file, progress, true, payer));
        } finally {
            progress.done();
        }
    }
}
