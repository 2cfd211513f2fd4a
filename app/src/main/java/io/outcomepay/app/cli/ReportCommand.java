package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.config.Months;
import io.outcomepay.app.reporting.Reporting;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a report of settled data (docs/cli.md): statement, the hospital monthly settlement",
                "statement (every hospital of the month unless --hospital); audit, the insurer's audit pack of a",
                "contract month (method, trace, statistics, outliers, every encounter line); vendor, a vendor's",
                "revenue per hospital and month (--vendor, --from, --to; default the contract's vendor and --period).",
                "The same data gives byte-identical files."})
public class ReportCommand extends RuntimeCommand {

    @Option(names = "--kind", required = true, description = "statement, audit or vendor")
    String kind;

    @Option(names = "--contract", paramLabel = "ID")
    String contractId;

    @Option(names = "--period", paramLabel = "YYYY-MM")
    String period;

    @Option(names = "--hospital", paramLabel = "ID", description = "statement: one hospital (default: each of the month)")
    String hospitalId;

    @Option(names = "--vendor", paramLabel = "ID", description = "vendor report: the vendor (default: the contract's)")
    String vendorId;

    @Option(names = "--from", paramLabel = "YYYY-MM", description = "vendor report: first month (default --period)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", description = "vendor report: last month (default --from)")
    String to;

    @Option(names = "--format", defaultValue = "pdf", description = "pdf, xlsx or csv (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--lang", defaultValue = "en", description = "en or zh (default ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "(default ${DEFAULT-VALUE})")
    Path outDir;

    @Override
    protected int run(OutcomePayRuntime runtime) {
        Reporting.Request request = request(runtime);
        List<Path> written = runtime.bean(Reporting.class).render(request, ReportFormat.of(format), Language.of(lang), outDir);
        written.forEach(file -> out().println("wrote " + file));
        return 0;
    }

    private Reporting.Request request(OutcomePayRuntime runtime) {
        Reporting.Kind reportKind = Reporting.Kind.of(kind);
        YearMonth month = period == null ? null : Months.parse("--period", period);
        if (reportKind == Reporting.Kind.VENDOR) {
            YearMonth first = from != null ? Months.parse("--from", from) : month;
            if (first == null) {
                throw new IllegalArgumentException("--from: the first month of the vendor report (or --period)");
            }
            YearMonth last = to != null ? Months.parse("--to", to) : first;
            String vendor = vendorId;
            if (vendor == null) {
                if (contractId == null) {
                    throw new IllegalArgumentException("--vendor: the vendor of the report (or --contract, for its vendor)");
                }
                vendor = runtime.bean(io.outcomepay.analytics.contracts.ContractCatalog.class).versions(contractId)
                        .stream().reduce((a, b) -> b).orElseThrow(() -> new IllegalArgumentException(
                                "--contract: no contract " + contractId)).definition().vendor();
            }
            return new Reporting.Request(reportKind, contractId, month, null, vendor, first, last);
        }
        if (contractId == null || month == null) {
            throw new IllegalArgumentException("--contract and --period: the contract month to report on");
        }
        return new Reporting.Request(reportKind, contractId, month, hospitalId, null, null, null);
    }
}
