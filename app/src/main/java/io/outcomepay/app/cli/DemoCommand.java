package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.app.demo.DemoClaims;
import io.outcomepay.app.demo.DemoMonthlyClose;
import io.outcomepay.app.operations.MonthlyClose;
import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.billing.period.api.PeriodStatus;
import io.outcomepay.billing.period.application.PeriodRecord;
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
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole job on embedded defaults: start PostgreSQL, create contract C-2026-001, generate a",
                "seeded month of claims (3 hospitals, ~20,000 encounters, corrections, voids, bad rows), ingest it,",
                "calculate, approve and close January 2026 (maker, checker, controller), ingest a late correction",
                "for January and February's claims, close February with January's prior-period adjustment, import a",
                "payment file with one short payment and reconcile it, write the CSVs and the reports. Running it",
                "again gives the same fingerprints and appends no events."})
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

        MonthlyClose close = runtime.bean(MonthlyClose.class);
        out().println("4. month close of " + contract.contractId() + " " + PERIOD
                + ": calculated by finance-maker, approved by finance-checker, closed by controller");
        SettlingPeriod.Settled settled = closeMonth(close, contract.contractId(), PERIOD);
        SettlementPrinter.print(settled, out());

        String stem = contract.contractId() + "-" + PERIOD;
        Path settlementCsv = outDir.resolve("settlement-" + stem + ".csv");
        Path exclusionsCsv = outDir.resolve("exclusions-" + stem + ".csv");
        Path rejectedCsv = outDir.resolve("rejected-" + claims.getFileName());
        SettlementPrinter.writeSettlement(settled.result(), settlementCsv);
        SettlementPrinter.writeExclusions(settled.result(), exclusionsCsv);
        writeRejections(runtime.bean(DeadLetters.class).list(claims.getFileName().toString(), io.outcomepay.billing.limits.Counts.LIST_LIMIT.max()), rejectedCsv);
        out().println("5. wrote " + settlementCsv + ", " + exclusionsCsv + ", " + rejectedCsv);

        Map<String, BigDecimal> weights = runtime.bean(io.outcomepay.analytics.baselines.BaselineCatalog.class)
                .latestWeights(contract.baseline().table());
        Path late = DemoMonthlyClose.lateCorrection(claims, "H001", weights, contract.baseline().baseRate(),
                demoDir.resolve("late-correction-" + PERIOD + ".csv"));
        out().println("6. a late correction for the closed month " + PERIOD + " (" + late.getFileName() + ")");
        out().flush();
        out().println("   " + IngestCommand.ingest(runtime, late, this).summary());

        YearMonth february = PERIOD.plusMonths(1);
        Path februaryClaims = demoDir.resolve("claims-" + february + ".csv");
        DemoClaims.write(februaryClaims, new DemoClaims.Settings(seed + 1, Math.max(100, encounters / 10), february,
                contract.baseline().baseRate(), "F"));
        out().println("7. " + february + ": " + februaryClaims.getFileName() + " ingested, then the month close; it carries "
                + PERIOD + "'s change as a prior-period adjustment");
        out().flush();
        out().println("   " + IngestCommand.ingest(runtime, februaryClaims, this).summary());
        SettlingPeriod.Settled secondMonth = closeMonth(close, contract.contractId(), february);
        SettlementPrinter.print(secondMonth, out());
        PeriodCommand.printAdjustments(secondMonth.adjustments(), out());

        List<Reconciliation.Document> invoices = close.invoices(PERIOD, contract.contractId());
        out().println("8. invoices of " + PERIOD + "'s close, and of " + february + "'s (its own shares and the adjustment):");
        for (List<Reconciliation.Document> month : List.of(invoices, close.invoices(february, contract.contractId()))) {
            for (Reconciliation.Document d : month) {
                out().printf(Locale.ROOT, "   %s %-11s %s -> %s %s %s%s%n", d.number(), d.kind().name().toLowerCase(Locale.ROOT),
                        d.issuer(), d.billedTo(), d.amount().toPlainString(), d.currency(),
                        d.correctedPeriod() == null ? "" : " (adjusts " + d.correctedPeriod() + ")");
            }
        }
        Path payments = DemoMonthlyClose.payments(invoices, contract.vendor(), february.atDay(20),
                demoDir.resolve("payments-" + PERIOD + ".csv"));
        MonthlyClose.PaymentsImported imported = close.importPayments(payments);
        out().println("9. payments " + payments.getFileName() + " (the vendor's invoice paid "
                + DemoMonthlyClose.SHORT_BY.toPlainString() + " short): " + imported.summary());
        List<Reconciliation.Line> reconciled = close.reconcile(PERIOD, contract.contractId(), null);
        for (Reconciliation.Line l : reconciled) {
            out().printf(Locale.ROOT, "   %-11s %s invoiced %s paid %s outstanding %s%n", l.category().label(),
                    l.document() == null ? "(" + l.references() + ")" : l.document(), l.invoiced().toPlainString(),
                    l.paid().toPlainString(), l.outstanding().toPlainString());
        }
        Path reconciliationCsv = outDir.resolve("reconciliation-" + stem + ".csv");
        ReconcileCommand.write(reconciled, reconciliationCsv);
        io.outcomepay.billing.ledger.Ledger ledger = close.ledger(contract.contractId());
        out().println("   wrote " + reconciliationCsv + "; ledger: " + ledger.entries().size() + " entries, debits "
                + ledger.totalDebits().toPlainString() + " = credits " + ledger.totalCredits().toPlainString());
        out().println("   audit chain " + PERIOD + ": " + (close.verifyAudit(contract.contractId(), PERIOD).intact()
                ? "intact" : "ALTERED"));

        out().println("10. reports (statement per hospital, audit pack, vendor revenue; English and Chinese):");
        out().flush();
        io.outcomepay.app.reporting.Reporting reporting = runtime.bean(io.outcomepay.app.reporting.Reporting.class);
        // the two languages' reports are rendered side by side (each file's bytes do not depend on it),
        // listed in the same order as one after the other
        List<java.util.concurrent.Callable<List<Path>>> renderings = new java.util.ArrayList<>();
        for (io.outcomepay.reports.rendering.Language language : io.outcomepay.reports.rendering.Language.values()) {
            for (io.outcomepay.app.reporting.Reporting.Request request : List.of(
                    new io.outcomepay.app.reporting.Reporting.Request(io.outcomepay.app.reporting.Reporting.Kind.STATEMENT,
                            contract.contractId(), PERIOD, null, null, null, null),
                    new io.outcomepay.app.reporting.Reporting.Request(io.outcomepay.app.reporting.Reporting.Kind.STATEMENT,
                            contract.contractId(), february, null, null, null, null),
                    new io.outcomepay.app.reporting.Reporting.Request(io.outcomepay.app.reporting.Reporting.Kind.AUDIT,
                            contract.contractId(), PERIOD, null, null, null, null),
                    new io.outcomepay.app.reporting.Reporting.Request(io.outcomepay.app.reporting.Reporting.Kind.VENDOR,
                            null, null, null, contract.vendor(), PERIOD, february))) {
                renderings.add(() -> reporting.render(request, io.outcomepay.reports.rendering.ReportFormat.PDF,
                        language, outDir));
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                io.outcomepay.reports.rendering.Language.values().length);
        try {
            for (java.util.concurrent.Future<List<Path>> files : pool.invokeAll(renderings)) {
                files.get().forEach(file -> out().println("   " + file));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the reports", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        out().println("Events appended by this run: " + (events(jdbc) - eventsBefore));
        return 0;
    }

    /**
     * The month's close, each step once: calculated by finance-maker, approved by finance-checker,
     * closed by controller. A step already done is not repeated, so running the demo again records
     * nothing. @return the month's latest calculation
     */
    private static SettlingPeriod.Settled closeMonth(MonthlyClose close, String contractId, YearMonth month) {
        PeriodRecord record = close.period(contractId, month).orElse(null);
        boolean recorded = false;
        if (record == null || record.status() == PeriodStatus.CALCULATED) {
            recorded = close.calculate(contractId, month, null, "finance-maker", "demo: month-end calculation").newRevision();
        }
        record = close.period(contractId, month).orElseThrow();
        if (record.status() == PeriodStatus.CALCULATED) {
            close.approve(contractId, month, "finance-checker", "demo: checked");
        }
        if (record.status() != PeriodStatus.CLOSED) {
            close.close(contractId, month, "controller", "demo: books closed");
        }
        record = close.period(contractId, month).orElseThrow();
        return new SettlingPeriod.Settled(record.latest().result(), record.revision(), recorded, record.latest().adjustments());
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
