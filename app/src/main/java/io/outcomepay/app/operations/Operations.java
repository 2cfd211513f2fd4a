package io.outcomepay.app.operations;

import io.outcomepay.analytics.baselines.BaselineCatalog;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.billing.VersionOutcome;
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
import io.outcomepay.claims.intake.ClaimReader;
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

    public Operations(IngestingClaims ingesting, BaselineCatalog baselines, Pseudonymizer pseudonymizer,
                      ReadModelCatchUp catchUp, CommandGateway commands, SettlingPeriod settling) {
        this.ingesting = ingesting;
        this.baselines = baselines;
        this.pseudonymizer = pseudonymizer;
        this.catchUp = catchUp;
        this.commands = commands;
        this.settling = settling;
    }

    /** Ingests a claims CSV file; returns after the read models hold everything it recorded. */
    /**
     * Ingests a claims file: X12 (starts with ISA) 837I claims or 835 remittances, FHIR R4 JSON
     * (starts with '{'), else a CSV in the dialect its header shows.
     */
    public IngestReport ingestCsv(Path file, IngestingClaims.Listener listener) {
        try (ClaimReader reader = reader(file)) {
            return ingesting.ingest(reader, listener);
        } finally {
            catchUp.await();
        }
    }

    private ClaimReader reader(Path file) {
        String transaction = x12Transaction(file);
        if ("835".equals(transaction)) {
            return RemittanceReader.open(file);
        }
        if ("837".equals(transaction)) {
            Set<String> knownDrgs = baselines.knownDrgCodes();
            return InstitutionalClaimReader.open(file, knownDrgs::contains, pseudonymizer);
        }
        if (transaction != null) {
            throw new IllegalArgumentException(file.getFileName() + ": X12 transaction set " + transaction
                    + " is not read (837I claims and 835 remittances are)");
        }
        if (startsWithJson(file)) {
            Set<String> knownDrgs = baselines.knownDrgCodes();
            return FhirClaimReader.open(file, knownDrgs::contains, pseudonymizer);
        }
        return ClaimCsvReader.open(file, dialects(), pseudonymizer);
    }

    /** FHIR JSON (a resource, a Bundle or NDJSON) starts with '{'. */
    private static boolean startsWithJson(Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{';
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The transaction set (ST01) of an X12 file, read from its first bytes; null when the file is not X12. */
    private static String x12Transaction(Path file) {
        byte[] start;
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            start = in.readNBytes(4096);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
        String text = new String(start, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!text.startsWith("ISA") || text.length() < 4) {
            return null;
        }
        String separator = java.util.regex.Pattern.quote(text.substring(3, 4));
        java.util.regex.Matcher st = java.util.regex.Pattern.compile("(?:^|[^A-Z0-9])ST" + separator + "(\\d{3})")
                .matcher(text);
        return st.find() ? st.group(1) : "unknown";
    }

    public IngestReport ingestCsv(String sourceName, InputStream in, IngestingClaims.Listener listener) {
        try (ClaimCsvReader reader = ClaimCsvReader.of(sourceName, in, dialects(), pseudonymizer)) {
            return ingesting.ingest(reader, listener);
        } finally {
            catchUp.await();
        }
    }

    /** The CSV formats a file may be in, detected by its header: the settlement list, else the neutral format. */
    private List<CsvDialect> dialects() {
        Set<String> knownDrgs = baselines.knownDrgCodes();
        Set<String> knownDipGroups = baselines.knownDipGroups();
        return List.of(new SettlementListDialect(knownDrgs::contains, knownDipGroups::contains, pseudonymizer),
                new ClaimCsvRecordParser(knownDrgs::contains, knownDipGroups::contains, pseudonymizer));
    }

    /** Records a vendor's AI usage event; an encounter it names counts as AI-assisted from then on. */
    public ClaimOutcome recordAiUsage(String eventId, AiUsage.Details details) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("event_id: is required");
        }
        return commands.sendAndWait(new AiUsage.RecordAiUsage(eventId, details));
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

    /** What settling would give now, recording nothing. */
    public SettlementResult recalculate(String contractId, YearMonth period, BigDecimal qualityScore) {
        return settling.calculate(contractId, period, qualityScore);
    }
}
