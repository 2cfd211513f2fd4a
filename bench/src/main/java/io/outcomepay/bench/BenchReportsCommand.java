package io.outcomepay.bench;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.cli.RuntimeCommand;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.app.reporting.Reporting;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

@Command(name = "reports", mixinStandardHelpOptions = true,
        description = {"Generate one month of claims over many hospitals under one contract, ingest and settle it, then",
                "measure: every hospital's monthly statement rendered to PDF, and the month's insurer audit pack",
                "(every encounter line) rendered to PDF, with the heap's peak use. Run with JAVA_OPTS=-Xmx512m."})
class BenchReportsCommand extends RuntimeCommand {

    @Option(names = "--hospitals", defaultValue = "1000", description = "hospitals: statements rendered (default ${DEFAULT-VALUE})")
    int hospitals;

    @Option(names = "--encounters", defaultValue = "100000", description = "encounters: audit pack lines (default ${DEFAULT-VALUE})")
    int encounters;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the generated claims (default ${DEFAULT-VALUE})")
    long seed;

    private static final YearMonth MONTH = YearMonth.of(2032, 1);

    @Override
    protected int run(OutcomePayRuntime runtime) {
        String run = BenchMonth.start(runtime, out(), "reports", "R", MONTH, encounters, hospitals);
        String contractId = BenchMonth.create(runtime, out(), run, MONTH, encounters, hospitals, seed);
        runtime.bean(SettlingPeriod.class).settle(contractId, MONTH);
        Reporting reporting = runtime.bean(Reporting.class);
        Path dir = runtime.homeDirectory().resolve("bench").resolve(run).resolve("reports");

        long start = System.nanoTime();
        List<Path> statements = reporting.render(new Reporting.Request(Reporting.Kind.STATEMENT, contractId, MONTH, null,
                null, null, null), ReportFormat.PDF, Language.EN, dir);
        double statementSeconds = (System.nanoTime() - start) / 1e9;

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        start = System.nanoTime();
        List<Path> audit = reporting.render(new Reporting.Request(Reporting.Kind.AUDIT, contractId, MONTH, null, null,
                null, null), ReportFormat.PDF, Language.EN, dir);
        double auditSeconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        out().println();
        out().println("| measured | files | MiB | seconds |");
        out().println("|---|---:|---:|---:|");
        out().printf(Locale.ROOT, "| hospital monthly statements, PDF (one per hospital) | %d | %.1f | %.1f |%n",
                statements.size(), size(statements), statementSeconds);
        out().printf(Locale.ROOT, "| insurer audit pack, PDF, %d encounter lines (heap peak %d MiB of %d MiB) | %d | %.1f | %.1f |%n",
                encounters, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, audit.size(), size(audit), auditSeconds);
        return 0;
    }

    private static double size(List<Path> files) {
        long bytes = 0;
        try {
            for (Path file : files) {
                bytes += Files.size(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes / (1024.0 * 1024.0);
    }
}
