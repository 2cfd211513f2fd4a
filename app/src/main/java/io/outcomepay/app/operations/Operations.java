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
    /** Ingests a claims file: an X12 835 remittance (starts with ISA), else a CSV in a detected dialect. */
    public IngestReport ingestCsv(Path file, IngestingClaims.Listener listener) {
        try (ClaimReader reader = isX12(file) ? RemittanceReader.open(file)
                : ClaimCsvReader.open(file, dialects(), pseudonymizer)) {
            return ingesting.ingest(reader, listener);
        } finally {
            catchUp.await();
        }
    }

    private static boolean isX12(Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] start = in.readNBytes(3);
            return new String(start, java.nio.charset.StandardCharsets.US_ASCII).equals("ISA");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
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
