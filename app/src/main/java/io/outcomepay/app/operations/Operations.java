package io.outcomepay.app.operations;

import io.outcomepay.analytics.baselines.BaselineCatalog;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.baseline.api.BaselineKind;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.usage.api.AiUsage;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.contract.api.ContractCommands.AmendContract;
import io.outcomepay.billing.contract.api.ContractCommands.CreateContract;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.claims.csv.ClaimCsvReader;
import io.outcomepay.claims.chs.SettlementListDialect;
import io.outcomepay.claims.csv.ClaimCsvRecordParser;
import io.outcomepay.claims.csv.CsvDialect;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.intake.RejectionStore;
import io.outcomepay.claims.intake.ClaimReader;
import io.outcomepay.claims.intake.RenumberedClaimReader;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.fhir.FhirClaimReader;
import io.outcomepay.claims.x12.InstitutionalClaimReader;
import io.outcomepay.claims.x12.RemittanceReader;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Pseudonymizer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import io.outcomepay.billing.settlement.SettlementResult;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** The operations the CLI and the REST API share, so both behave the same. */
@Component
public class Operations {

    private final IngestingClaims ingesting;
    private final BaselineCatalog baselines;
    private final Pseudonymizer pseudonymizer;
    private final ReadModelCatchUp catchUp;
    private final CommandGateway commands;
    private final SettlingPeriod settling;
    private final DeadLetters deadLetters;
    private final io.outcomepay.app.metrics.IntakeMetrics metrics;
    private final tools.jackson.databind.json.JsonMapper usageJson = tools.jackson.databind.json.JsonMapper.builder().build();

    public Operations(IngestingClaims ingesting, BaselineCatalog baselines, Pseudonymizer pseudonymizer,
                      ReadModelCatchUp catchUp, CommandGateway commands, SettlingPeriod settling,
                      DeadLetters deadLetters, io.outcomepay.app.metrics.IntakeMetrics metrics) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.ingesting = ingesting;
        this.baselines = baselines;
        this.pseudonymizer = pseudonymizer;
        this.catchUp = catchUp;
        this.commands = commands;
        this.settling = settling;
    }

    /**
     * Ingests a claims file: X12 (starts with ISA) 837I claims or 835 remittances, FHIR R4 JSON
     * (starts with '{'), else a CSV in the dialect its header shows. Returns after the read models
     * hold everything it recorded.
     */
    public IngestReport ingestCsv(Path file, IngestingClaims.Listener listener) {
        try {
            return land(file, listener);
        } finally {
            catchUp.await();
        }
    }

    /** Lands a claims file: returns when its events are durable, before the read models have them. */
    public IngestReport land(Path file, IngestingClaims.Listener listener) {
        // One stream: its first bytes tell the format, then the reader reads it from the start.
        try (java.io.BufferedInputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file),
                ClaimFormat.DETECTION_BYTES);
             ClaimReader reader = reader(publishedCodes(), pseudonymizer, ClaimFormat.sniff(in).format(),
                     file.getFileName().toString(), in, java.nio.file.Files.size(file))) {
            return counted(ingesting.ingest(reader, listener));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    private IngestReport counted(IngestReport report) {
        metrics.count(report);
        return report;
    }

    /** Returns once the read models hold every event stored so far. */
    public void awaitReadModels() {
        catchUp.await();
    }

    /**
     * Lands the claims of a stream in a known format family (one message of a file, its positions
     * shifted by positionOffset), checked against the baselines as projected now, without waiting
     * for any read model: a stream of messages must not wait for the claims of the previous one.
     */
    public IngestReport ingest(ClaimFormat format, String source, InputStream in, long positionOffset,
                               IngestingClaims.Listener listener) {
        KnownCodes codes = new KnownCodes(baselines.projectedCodes(BaselineKind.DRG_RELATIVE_WEIGHT),
                baselines.projectedCodes(BaselineKind.DIP_SCORE));
        try (ClaimReader reader = new RenumberedClaimReader(reader(codes, pseudonymizer, format, source, in, -1),
                positionOffset)) {
            return counted(ingesting.ingest(reader, listener));
        }
    }

    /**
     * Lands a dead letter's stored record again through the given intake: checked against the
     * baselines published now, its patient already a pseudonym.
     */
    IngestReport replay(ClaimFormat format, String source, InputStream in, long positionOffset, IngestingClaims intake) {
        try (ClaimReader reader = new RenumberedClaimReader(reader(publishedCodes(),
                pseudonymizer.readingStoredPseudonyms(), format, source, in, -1), positionOffset)) {
            return counted(intake.ingest(reader, IngestingClaims.Listener.silent()));
        }
    }

    /** The codes claims are checked against: DRG codes and DIP groups of the published baselines. */
    private record KnownCodes(Set<String> drgs, Set<String> dipGroups) {
    }

    private KnownCodes publishedCodes() {
        return new KnownCodes(baselines.knownDrgCodes(), baselines.knownDipGroups());
    }

    /** A reader of the stream in its format; X12 tells 837 from 835 by its ST01. */
    private ClaimReader reader(KnownCodes codes, Pseudonymizer pseudonymizer, ClaimFormat format, String source,
                               InputStream stream, long totalBytes) {
        Set<String> knownDrgs = codes.drgs();
        return switch (format) {
            case CSV -> ClaimCsvReader.of(source, stream, totalBytes, dialects(codes, pseudonymizer), pseudonymizer);
            case FHIR -> FhirClaimReader.of(source, stream, totalBytes, knownDrgs::contains, pseudonymizer);
            case X12 -> {
                java.io.BufferedInputStream in = new java.io.BufferedInputStream(stream, ClaimFormat.DETECTION_BYTES);
                String transaction = ClaimFormat.sniff(in).transaction();
                yield switch (transaction) {
                    case "835" -> RemittanceReader.of(source, in, totalBytes);
                    case "837" -> InstitutionalClaimReader.of(source, in, totalBytes, knownDrgs::contains, pseudonymizer);
                    default -> throw new IllegalArgumentException(source + ": X12 transaction set " + transaction
                            + " is not read (837I claims and 835 remittances are)");
                };
            }
        };
    }

    public IngestReport ingestCsv(String sourceName, InputStream in, IngestingClaims.Listener listener) {
        try (ClaimCsvReader reader = ClaimCsvReader.of(sourceName, in, dialects(publishedCodes(), pseudonymizer),
                pseudonymizer)) {
            return counted(ingesting.ingest(reader, listener));
        } finally {
            catchUp.await();
        }
    }

    /** The CSV formats a file may be in, detected by its header: the settlement list, else the neutral format. */
    private static List<CsvDialect> dialects(KnownCodes codes, Pseudonymizer pseudonymizer) {
        Set<String> knownDrgs = codes.drgs();
        Set<String> knownDipGroups = codes.dipGroups();
        return List.of(new SettlementListDialect(knownDrgs::contains, knownDipGroups::contains, pseudonymizer),
                new ClaimCsvRecordParser(knownDrgs::contains, knownDipGroups::contains, pseudonymizer));
    }

    /**
     * Records a vendor's AI usage event; an encounter it names counts as AI-assisted from then on.
     * The same event id with other content is a conflict, kept in the dead-letter store.
     */
    public ClaimOutcome recordAiUsage(UsageEvent event, AiUsage.Details details, String source, long position) {
        return recordAiUsage(event, details, source, position, deadLetters);
    }

    ClaimOutcome recordAiUsage(UsageEvent event, AiUsage.Details details, String source, long position,
                               RejectionStore conflicts) {
        ClaimOutcome outcome = commands.sendAndWait(new AiUsage.RecordAiUsage(event.event_id(), details));
        if (outcome == ClaimOutcome.CONFLICT) {
            conflicts.store(List.of(usageRejection(event, source, position, "event_id", "conflict: usage event "
                    + event.event_id() + " was already recorded with other content")));
        }
        return outcome;
    }

    /** A refused usage event, kept as its JSON so that it can be replayed. */
    public Rejection usageRejection(UsageEvent event, String source, long position, String field, String reason) {
        String text = usageJson.writeValueAsString(event);
        return new Rejection(source, position, field, reason, text, Rejection.REPLAY_USAGE, text);
    }

    public VersionOutcome publishBaseline(PublishBaselineTable table) {
        return commands.sendAndWait(table);
    }

    public VersionOutcome createContract(ContractDefinition definition) {
        return commands.sendAndWait(new CreateContract(definition.contractId(), definition));
    }

    public VersionOutcome amendContract(ContractDefinition definition) {
        return commands.sendAndWait(new AmendContract(definition.contractId(), definition));
    }

    public SettlingPeriod.Settled settle(String contractId, YearMonth period) {
        return settling.settle(contractId, period, null);
    }

    /** @param qualityScore 0..1 for contracts with a quality gate, or null */
    public SettlingPeriod.Settled settle(String contractId, YearMonth period, BigDecimal qualityScore) {
        return settling.settle(contractId, period, qualityScore);
    }

    /** @param pricing set-based (SQL over the encounter facts, the default) or in memory (the engine over every line) */
    public SettlingPeriod.Settled settle(String contractId, YearMonth period, BigDecimal qualityScore,
                                         SettlingPeriod.Pricing pricing) {
        return settling.settle(contractId, period, qualityScore, pricing);
    }

    /** What settling would give now, recording nothing. */
    public SettlementResult recalculate(String contractId, YearMonth period, BigDecimal qualityScore) {
        return settling.calculate(contractId, period, qualityScore);
    }
}
