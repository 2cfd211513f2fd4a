package io.outcomepay.claims.application;

import io.outcomepay.claims.chs.SettlementListDialect;
import io.outcomepay.claims.csv.ClaimCsvReader;
import io.outcomepay.claims.csv.ClaimCsvRecordParser;
import io.outcomepay.claims.csv.CsvDialect;
import io.outcomepay.claims.fhir.FhirClaimReader;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.ClaimReader;
import io.outcomepay.claims.intake.DefaultPayerReader;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.RenumberedClaimReader;
import io.outcomepay.claims.x12.InstitutionalClaimReader;
import io.outcomepay.claims.x12.RemittanceReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ingesting claims: a file (its format told by its first bytes: X12 837I claims or 835
 * remittances, FHIR R4 JSON, else a CSV in the dialect its header shows) or one message of a
 * stream in a known format. Claims are checked against the DRG codes and DIP groups of the
 * baselines; what each ingest did is counted.
 */
public class IngestingClaimFile {

    /** The codes claims are checked against: DRG codes and DIP groups of the baselines. */
    public record KnownCodes(Set<String> drgs, Set<String> dipGroups) {
    }

    /** Port: the baselines' codes, as published (the read models caught up) or as projected now. */
    public interface Baselines {
        KnownCodes published();

        KnownCodes projected();
    }

    /** Port: waits until the read models hold every event stored so far. */
    public interface ReadModels {
        void await();
    }

    /**
     * A file to ingest.
     * @param awaitReadModels return only when the read models hold what it recorded (else when its events are durable)
     * @param payer           the payer of its claims and remittances that name none (`--payer`), or null
     */
    public record IngestFile(Path file, IngestingClaims.Listener listener, boolean awaitReadModels, String payer) {
        public IngestFile(Path file, IngestingClaims.Listener listener, boolean awaitReadModels) {
            this(file, listener, awaitReadModels, null);
        }
    }

    /**
     * A stream in a known format: one message of a file, its positions shifted by positionOffset.
     * @param awaitReadModels as for a file; a stream of messages does not wait for the claims of the
     *                        previous one, so its claims are checked against the baselines as projected now
     * @param payer           as for a file
     */
    public record IngestStream(ClaimFormat format, String source, InputStream in, long positionOffset,
                               IngestingClaims.Listener listener, boolean awaitReadModels, String payer) {
    }

    private final IngestingClaims ingesting;
    private final Baselines baselines;
    private final Pseudonymizer pseudonymizer;
    private final ReadModels readModels;
    private final Consumer<IngestReport> counted;

    public IngestingClaimFile(IngestingClaims ingesting, Baselines baselines, Pseudonymizer pseudonymizer,
                              ReadModels readModels, Consumer<IngestReport> counted) {
        this.ingesting = ingesting;
        this.baselines = baselines;
        this.pseudonymizer = pseudonymizer;
        this.readModels = readModels;
        this.counted = counted;
    }

    public IngestReport ingest(IngestFile command) {
        Path file = command.file();
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), ClaimFormat.DETECTION_BYTES);
             ClaimReader reader = payer(command.payer(), reader(baselines.published(), pseudonymizer,
                     ClaimFormat.sniff(in).format(), file.getFileName().toString(), in, Files.size(file)))) {
            return counted(ingesting.ingest(reader, command.listener()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } finally {
            if (command.awaitReadModels()) {
                readModels.await();
            }
        }
    }

    public IngestReport ingest(IngestStream command) {
        KnownCodes codes = command.awaitReadModels() ? baselines.published() : baselines.projected();
        try (ClaimReader reader = payer(command.payer(), new RenumberedClaimReader(reader(codes, pseudonymizer,
                command.format(), command.source(), command.in(), -1), command.positionOffset()))) {
            return counted(ingesting.ingest(reader, command.listener()));
        } finally {
            if (command.awaitReadModels()) {
                readModels.await();
            }
        }
    }

    /**
     * Lands a dead letter's stored record again through the given intake: checked against the
     * baselines published now, its patient already a pseudonym.
     */
    IngestReport replay(ClaimFormat format, String source, InputStream in, long positionOffset, IngestingClaims intake) {
        try (ClaimReader reader = new RenumberedClaimReader(reader(baselines.published(),
                pseudonymizer.readingStoredPseudonyms(), format, source, in, -1), positionOffset)) {
            return counted(intake.ingest(reader, IngestingClaims.Listener.silent()));
        }
    }

    /** Returns once the read models hold every event stored so far. */
    void awaitReadModels() {
        readModels.await();
    }

    private static ClaimReader payer(String payer, ClaimReader reader) {
        return payer == null ? reader : new DefaultPayerReader(reader, payer);
    }

    private IngestReport counted(IngestReport report) {
        counted.accept(report);
        return report;
    }

    /** A reader of the stream in its format; X12 tells 837 from 835 by its ST01. */
    private static ClaimReader reader(KnownCodes codes, Pseudonymizer pseudonymizer, ClaimFormat format, String source,
                                      InputStream stream, long totalBytes) {
        Set<String> knownDrgs = codes.drgs();
        return switch (format) {
            case CSV -> ClaimCsvReader.of(source, stream, totalBytes, dialects(codes, pseudonymizer), pseudonymizer);
            case FHIR -> FhirClaimReader.of(source, stream, totalBytes, knownDrgs::contains, pseudonymizer);
            case X12 -> {
                BufferedInputStream in = new BufferedInputStream(stream, ClaimFormat.DETECTION_BYTES);
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

    /** The CSV formats a file may be in, detected by its header: the settlement list, else the neutral format. */
    private static List<CsvDialect> dialects(KnownCodes codes, Pseudonymizer pseudonymizer) {
        Set<String> knownDrgs = codes.drgs();
        Set<String> knownDipGroups = codes.dipGroups();
        return List.of(new SettlementListDialect(knownDrgs::contains, knownDipGroups::contains, pseudonymizer),
                new ClaimCsvRecordParser(knownDrgs::contains, knownDipGroups::contains, pseudonymizer));
    }
}
