package io.outcomepay.app.cli;

import io.outcomepay.analytics.auditing.VerifyingAuditChain;
import io.outcomepay.analytics.baselines.BaselineCatalog;
import io.outcomepay.analytics.catchup.StoredEvents;
import io.outcomepay.analytics.ledger.LedgerQueries;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.reporting.Reporting;
import io.outcomepay.billing.contract.application.DefiningContract;
import io.outcomepay.billing.ledger.Ledger;
import io.outcomepay.billing.limits.Counts;
import io.outcomepay.billing.period.application.ClosingPeriod;
import io.outcomepay.billing.period.application.PeriodRecords;
import io.outcomepay.claims.application.ImportingPayments;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportFormat;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.app.demo.DemoClaims;
import io.outcomepay.app.demo.DemoMonthlyClose;
import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.billing.period.api.PeriodStatus;
import io.outcomepay.billing.period.application.PeriodRecord;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.DeadLetter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole job on embedded defaults: start PostgreSQL, create contract C-2026-001 (INS-1) and",
                "C-2026-002 (a second insurer, INS-2, on H003: each claim counts for its payer's contract), generate a",
                "seeded month of claims (3 hospitals, ~20,000 encounters, corrections, voids, bad rows), ingest it,",
                "calculate, approve and close January 2026 (maker, checker, controller), ingest a late correction",
                "for January and February's claims, close February with January's prior-period adjustment, import a",
                "payment file with one short payment and reconcile it, write the CSVs and the reports. Running it",
                "again gives the same fingerprints and appends no events."})
public class DemoCommand extends RuntimeCommand {

    static final String CONTRACT_RESOURCE = "/demo/contract-C-2026-001.yaml";
    /** A second insurer's contract on H003: each of H003's encounters counts for its own payer's contract. */
    static final String SECOND_CONTRACT_RESOURCE = "/demo/contract-C-2026-002.yaml";
    static final YearMonth PERIOD = YearMonth.of(2026, 1);
    static final YearMonth FEBRUARY = PERIOD.plusMonths(1);

    @Option(names = "--encounters", defaultValue = "20000", description = "encounters to generate (default ${DEFAULT-VALUE})")
    int encounters;

    @Option(names = "--seed", defaultValue = "20260101", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "where the CSVs go (default ${DEFAULT-VALUE})")
    Path outDir;

    private OutcomePayRuntime runtime;
    private Path demoDir;
    private ContractDefinition contract;
    private ContractDefinition second;

    @Override
    protected int run(OutcomePayRuntime runtime) {
        this.runtime = runtime;
        this.demoDir = runtime.homeDirectory().resolve("demo");
        out().println("OutcomePay demo: home " + runtime.homeDirectory() + ", " + runtime.databaseDescription());
        long eventsBefore = runtime.bean(StoredEvents.class).count();
        defineTheContracts();
        Path claims = generateJanuarysClaims();
        ingest("3. ingesting " + claims.getFileName(), claims);
        SettlingPeriod.Settled january = closeJanuary();
        calculateTheSecondInsurersJanuary();
        writeJanuarysCsvs(january, claims);
        ingestALateCorrection(claims);
        closeFebruaryWithTheAdjustment();
        List<Reconciliation.Document> invoices = listTheInvoices();
        importPaymentsAndReconcile(invoices);
        renderTheReports();
        out().println("Events appended by this run: " + (runtime.bean(StoredEvents.class).count() - eventsBefore));
        return 0;
    }

    private void defineTheContracts() {
        Path contractFile = copyContract(demoDir, CONTRACT_RESOURCE);
        contract = ContractYaml.read(contractFile);
        VersionOutcome created = runtime.bean(DefiningContract.class).create(contract);
        out().println("1. contract " + contract.contractId() + " version " + created.version()
                + (created.changed() ? " created" : " unchanged") + " (" + contractFile + ")");
        Path secondFile = copyContract(demoDir, SECOND_CONTRACT_RESOURCE);
        second = ContractYaml.read(secondFile);
        created = runtime.bean(DefiningContract.class).create(second);
        out().println("   contract " + second.contractId() + " version " + created.version()
                + (created.changed() ? " created" : " unchanged") + " (" + secondFile + "): " + second.insurer()
                + " also pays for patients at " + String.join(", ", second.hospitals())
                + "; each claim counts for its payer's contract only");
    }

    /** The second insurer's January, calculated: H003's encounters its claims name INS-2 for. */
    private void calculateTheSecondInsurersJanuary() {
        SettlingPeriod.Settled settled = runtime.bean(SettlingPeriod.class).settle(second.contractId(), PERIOD, null,
                SettlingPeriod.Pricing.SET_BASED, "finance-maker", "demo: month-end calculation");
        out().println("   " + second.contractId() + " " + PERIOD + " (" + second.insurer() + "), calculated by finance-maker:");
        SettlementPrinter.print(settled, out());
        Path settlementCsv = outDir.resolve("settlement-" + second.contractId() + "-" + PERIOD + ".csv");
        SettlementPrinter.writeSettlement(settled.result(), settlementCsv);
        out().println("   wrote " + settlementCsv);
    }

    private Path generateJanuarysClaims() {
        Path claims = demoDir.resolve("claims-" + PERIOD + ".csv");
        DemoClaims.write(claims, new DemoClaims.Settings(seed, encounters, PERIOD, contract.baseline().baseRate()));
        out().println("2. generated " + claims + " (seed " + seed + ", " + encounters + " encounters)");
        return claims;
    }

    private void ingest(String step, Path file) {
        out().println(step);
        out().flush();
        out().println("   " + IngestCommand.ingest(runtime, file, null, this).summary());
    }

    private SettlingPeriod.Settled closeJanuary() {
        out().println("4. month close of " + contract.contractId() + " " + PERIOD
                + ": calculated by finance-maker, approved by finance-checker, closed by controller");
        SettlingPeriod.Settled settled = closeMonth(PERIOD);
        SettlementPrinter.print(settled, out());
        return settled;
    }

    private void writeJanuarysCsvs(SettlingPeriod.Settled settled, Path claims) {
        String stem = contract.contractId() + "-" + PERIOD;
        Path settlementCsv = outDir.resolve("settlement-" + stem + ".csv");
        Path exclusionsCsv = outDir.resolve("exclusions-" + stem + ".csv");
        Path rejectedCsv = outDir.resolve("rejected-" + claims.getFileName());
        SettlementPrinter.writeSettlement(settled.result(), settlementCsv);
        SettlementPrinter.writeExclusions(settled.result(), exclusionsCsv);
        writeRejections(runtime.bean(DeadLetters.class).list(claims.getFileName().toString(), Counts.LIST_LIMIT.max()),
                rejectedCsv);
        out().println("5. wrote " + settlementCsv + ", " + exclusionsCsv + ", " + rejectedCsv);
    }

    private void ingestALateCorrection(Path claims) {
        Map<String, BigDecimal> weights = runtime.bean(BaselineCatalog.class).latestWeights(contract.baseline().table());
        Path late = DemoMonthlyClose.lateCorrection(claims, "H001", weights, contract.baseline().baseRate(),
                demoDir.resolve("late-correction-" + PERIOD + ".csv"));
        ingest("6. a late correction for the closed month " + PERIOD + " (" + late.getFileName() + ")", late);
    }

    private void closeFebruaryWithTheAdjustment() {
        Path februaryClaims = demoDir.resolve("claims-" + FEBRUARY + ".csv");
        DemoClaims.write(februaryClaims, new DemoClaims.Settings(seed + 1, Math.max(100, encounters / 10), FEBRUARY,
                contract.baseline().baseRate(), "F"));
        ingest("7. " + FEBRUARY + ": " + februaryClaims.getFileName() + " ingested, then the month close; it carries "
                + PERIOD + "'s change as a prior-period adjustment", februaryClaims);
        SettlingPeriod.Settled secondMonth = closeMonth(FEBRUARY);
        SettlementPrinter.print(secondMonth, out());
        PeriodCommand.printAdjustments(secondMonth.adjustments(), out());
    }

    /** @return January's invoices */
    private List<Reconciliation.Document> listTheInvoices() {
        LedgerQueries ledger = runtime.bean(LedgerQueries.class);
        List<Reconciliation.Document> invoices = ledger.documents(PERIOD, contract.contractId());
        out().println("8. invoices of " + PERIOD + "'s close, and of " + FEBRUARY + "'s (its own shares and the adjustment):");
        for (List<Reconciliation.Document> month : List.of(invoices, ledger.documents(FEBRUARY, contract.contractId()))) {
            for (Reconciliation.Document d : month) {
                out().printf(Locale.ROOT, "   %s %-11s %s -> %s %s %s%s%n", d.number(), d.kind().name().toLowerCase(Locale.ROOT),
                        d.issuer(), d.billedTo(), d.amount().toPlainString(), d.currency(),
                        d.correctedPeriod() == null ? "" : " (adjusts " + d.correctedPeriod() + ")");
            }
        }
        return invoices;
    }

    private void importPaymentsAndReconcile(List<Reconciliation.Document> invoices) {
        Path payments = DemoMonthlyClose.payments(invoices, contract.vendor(), FEBRUARY.atDay(20),
                demoDir.resolve("payments-" + PERIOD + ".csv"));
        ImportingPayments.PaymentsImported imported = runtime.bean(ImportingPayments.class)
                .importPayments(ImportingPayments.ImportPayments.file(payments));
        out().println("9. payments " + payments.getFileName() + " (the vendor's invoice paid "
                + DemoMonthlyClose.SHORT_BY.toPlainString() + " short): " + imported.summary());
        LedgerQueries ledger = runtime.bean(LedgerQueries.class);
        List<Reconciliation.Line> reconciled = ledger.reconcile(PERIOD, contract.contractId(), null);
        for (Reconciliation.Line l : reconciled) {
            out().printf(Locale.ROOT, "   %-11s %s invoiced %s paid %s outstanding %s%n", l.category().label(),
                    l.document() == null ? "(" + l.references() + ")" : l.document(), l.invoiced().toPlainString(),
                    l.paid().toPlainString(), l.outstanding().toPlainString());
        }
        Path reconciliationCsv = outDir.resolve("reconciliation-" + contract.contractId() + "-" + PERIOD + ".csv");
        ReconcileCommand.write(reconciled, reconciliationCsv);
        Ledger books = ledger.ledger(contract.contractId());
        out().println("   wrote " + reconciliationCsv + "; ledger: " + books.entries().size() + " entries, debits "
                + books.totalDebits().toPlainString() + " = credits " + books.totalCredits().toPlainString());
        out().println("   audit chain " + PERIOD + ": "
                + (runtime.bean(VerifyingAuditChain.class).verify(contract.contractId(), PERIOD).intact() ? "intact" : "ALTERED"));
    }

    /**
     * Statements of both months, January's audit pack and the vendor's revenue, in English and
     * Chinese: the two languages side by side (each file's bytes do not depend on it), listed in
     * the same order as one after the other.
     */
    private void renderTheReports() {
        out().println("10. reports (statement per hospital, audit pack, vendor revenue; English and Chinese):");
        out().flush();
        Reporting reporting = runtime.bean(Reporting.class);
        List<Callable<List<Path>>> renderings = new java.util.ArrayList<>();
        for (Language language : Language.values()) {
            for (Reporting.Request request : List.of(
                    new Reporting.Request(Reporting.Kind.STATEMENT, contract.contractId(), PERIOD, null, null, null, null),
                    new Reporting.Request(Reporting.Kind.STATEMENT, contract.contractId(), FEBRUARY, null, null, null, null),
                    new Reporting.Request(Reporting.Kind.AUDIT, contract.contractId(), PERIOD, null, null, null, null),
                    new Reporting.Request(Reporting.Kind.VENDOR, null, null, null, contract.vendor(), PERIOD, FEBRUARY))) {
                renderings.add(() -> reporting.render(request, ReportFormat.PDF, language, outDir));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Language.values().length);
        try {
            for (Future<List<Path>> files : pool.invokeAll(renderings)) {
                files.get().forEach(file -> out().println("   " + file));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the reports", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The month's close, each step once: calculated by finance-maker, approved by finance-checker,
     * closed by controller. A step already done is not repeated, so running the demo again records
     * nothing. @return the month's latest calculation
     */
    private SettlingPeriod.Settled closeMonth(YearMonth month) {
        String contractId = contract.contractId();
        PeriodRecords periods = runtime.bean(PeriodRecords.class);
        ClosingPeriod closing = runtime.bean(ClosingPeriod.class);
        PeriodRecord record = periods.period(contractId, month).orElse(null);
        boolean recorded = false;
        if (record == null || record.status() == PeriodStatus.CALCULATED) {
            recorded = runtime.bean(SettlingPeriod.class).settle(contractId, month, null, SettlingPeriod.Pricing.SET_BASED,
                    "finance-maker", "demo: month-end calculation").newRevision();
        }
        record = periods.period(contractId, month).orElseThrow();
        if (record.status() == PeriodStatus.CALCULATED) {
            closing.approve(contractId, month, "finance-checker", "demo: checked");
        }
        if (record.status() != PeriodStatus.CLOSED) {
            closing.close(contractId, month, "controller", "demo: books closed");
        }
        record = periods.period(contractId, month).orElseThrow();
        return new SettlingPeriod.Settled(record.latest().result(), record.revision(), recorded, record.latest().adjustments());
    }

    private static Path copyContract(Path demoDir, String resource) {
        Path target = demoDir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
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
