package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.app.demo.DemoClaims;
import io.outcomepay.app.operations.Operations;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.DeadLetter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.List;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole job on embedded defaults: start PostgreSQL, create contract C-2026-001, generate a",
                "seeded month of claims (3 hospitals, ~20,000 encounters, corrections, voids, bad rows), ingest it,",
                "settle January 2026, print the per-hospital table and write the CSVs. Running it again gives the",
                "same fingerprint and appends no events."})
public class DemoCommand extends RuntimeCommand {

    static final String CONTRACT_RESOURCE = "/demo/contract-C-2026-001.yaml";
    static final YearMonth PERIOD = YearMonth.of(2026, 1);

    @Option(names = "--encounters", defaultValue = "20000", description = "encounters to generate (default ${DEFAULT-VALUE})")
    int encounters;

    @Option(names = "--seed", defaultValue = "20260101", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "where the CSVs go (default ${DEFAULT-VALUE})")
    Path outDir;

    @Override
    int run(OutcomePayRuntime runtime) {
        out().println("OutcomePay demo: home " + runtime.homeDirectory() + ", " + runtime.databaseDescription());
        JdbcTemplate jdbc = runtime.bean(JdbcTemplate.class);
        long eventsBefore = events(jdbc);
        Operations operations = runtime.bean(Operations.class);
        Path demoDir = runtime.homeDirectory().resolve("demo");

        Path contractFile = copyContract(demoDir);
        ContractDefinition contract = ContractYaml.read(contractFile);
        VersionOutcome created = operations.createContract(contract);
        out().println("1. contract " + contract.contractId() + " version " + created.version()
                + (created.changed() ? " created" : " unchanged") + " (" + contractFile + ")");

        Path claims = demoDir.resolve("claims-" + PERIOD + ".csv");
        DemoClaims.write(claims, new DemoClaims.Settings(seed, encounters, PERIOD, contract.baseline().baseRate()));
        out().println("2. generated " + claims + " (seed " + seed + ", " + encounters + " encounters)");

        out().println("3. ingesting " + claims.getFileName());
        out().flush();
        IngestReport report = IngestCommand.ingest(runtime, claims, this);
        out().println("   " + report.summary());

        out().println("4. settling " + contract.contractId() + " " + PERIOD);
        SettlingPeriod.Settled settled = operations.settle(contract.contractId(), PERIOD);
        SettlementPrinter.print(settled, out());

        String stem = contract.contractId() + "-" + PERIOD;
        Path settlementCsv = outDir.resolve("settlement-" + stem + ".csv");
        Path exclusionsCsv = outDir.resolve("exclusions-" + stem + ".csv");
        Path rejectedCsv = outDir.resolve("rejected-" + claims.getFileName());
        SettlementPrinter.writeSettlement(settled.result(), settlementCsv);
        SettlementPrinter.writeExclusions(settled.result(), exclusionsCsv);
        writeRejections(runtime.bean(DeadLetters.class).list(claims.getFileName().toString(), Integer.MAX_VALUE), rejectedCsv);
        out().println("5. wrote " + settlementCsv + ", " + exclusionsCsv + ", " + rejectedCsv);
        out().println("6. reports (statement per hospital, audit pack, vendor revenue; English and Chinese):");
        out().flush();
        io.outcomepay.app.reporting.Reporting reporting = runtime.bean(io.outcomepay.app.reporting.Reporting.class);
        for (io.outcomepay.reports.rendering.Language language : io.outcomepay.reports.rendering.Language.values()) {
            for (io.outcomepay.app.reporting.Reporting.Request request : List.of(
                    new io.outcomepay.app.reporting.Reporting.Request(io.outcomepay.app.reporting.Reporting.Kind.STATEMENT,
                            contract.contractId(), PERIOD, null, null, null, null),
                    new io.outcomepay.app.reporting.Reporting.Request(io.outcomepay.app.reporting.Reporting.Kind.AUDIT,
                            contract.contractId(), PERIOD, null, null, null, null),
                    new io.outcomepay.app.reporting.Reporting.Request(io.outcomepay.app.reporting.Reporting.Kind.VENDOR,
                            null, null, null, contract.vendor(), PERIOD, PERIOD))) {
                reporting.render(request, io.outcomepay.reports.rendering.ReportFormat.PDF, language, outDir)
                        .forEach(file -> out().println("   " + file));
            }
        }
        out().println("Events appended by this run: " + (events(jdbc) - eventsBefore));
        return 0;
    }

    private static long events(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }

    private static Path copyContract(Path demoDir) {
        Path target = demoDir.resolve("contract-C-2026-001.yaml");
        try (InputStream in = DemoCommand.class.getResourceAsStream(CONTRACT_RESOURCE)) {
            Files.createDirectories(demoDir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void writeRejections(List<DeadLetter> rejections, Path file) {
        SettlementPrinter.writeFile(file, w -> {
            CSVPrinter csv = new CSVPrinter(w,
                    CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                            .setHeader("file", "line", "field", "reason", "record").get());
            for (DeadLetter r : rejections) {
                csv.printRecord(r.file(), r.line(), r.field(), r.reason(), r.rawRecord());
            }
            csv.flush();
        });
    }
}
