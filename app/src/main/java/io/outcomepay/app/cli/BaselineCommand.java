package io.outcomepay.app.cli;

import io.outcomepay.analytics.baselines.BaselineCatalog;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.baseline.BaselineFiles;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.baseline.application.PublishingBaseline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Load and list baseline tables (MS-DRG v43 ships as ms-drg-v43).",
        subcommands = {BaselineCommand.Load.class, BaselineCommand.ListTables.class})
public class BaselineCommand extends ParentCommand {


    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Publish a baseline table from a CSV (UTF-8 or GB18030): kind dip with columns",
                    "group_code, score, mean_cost (optional group_name); kind drg with group_code, weight (optional",
                    "title). The same content again changes nothing; other content becomes the next version."})
    static class Load extends RuntimeCommand {
        @Option(names = "--kind", required = true, paramLabel = "dip|drg", description = "table kind")
        String kind;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "table id contracts refer to")
        String name;

        @Option(names = "--effective-from", defaultValue = "1900-01-01", paramLabel = "YYYY-MM-DD",
                description = "first day this version is in force (default ${DEFAULT-VALUE}: from the beginning)")
        LocalDate effectiveFrom;

        @Parameters(paramLabel = "FILE.csv", description = "the table")
        Path file;

        @Override
        public Integer call() {
            BaselineFiles.read(file, kind.toLowerCase(Locale.ROOT), name, effectiveFrom);
            return super.call();
        }

        @Override
        protected int run(OutcomePayRuntime runtime) {
            PublishBaselineTable table = BaselineFiles.read(file, kind.toLowerCase(Locale.ROOT), name, effectiveFrom);
            VersionOutcome outcome = runtime.bean(PublishingBaseline.class).publish(table);
            out().println("baseline " + name + " version " + outcome.version() + (outcome.changed()
                    ? " published: " + table.entries().size() + " groups, in force from " + effectiveFrom
                    : ": unchanged"));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List published baseline table versions.")
    static class ListTables extends RuntimeCommand {
        @Override
        protected int run(OutcomePayRuntime runtime) {
            runtime.bean(BaselineCatalog.class).tables().forEach(t -> out().printf(Locale.ROOT,
                    "%s version %d: %s, %d groups, in force from %s, sha256 %s (%s)%n", t.tableId(), t.version(),
                    t.kind(), t.entries(), t.effectiveFrom(), t.contentSha256(), t.source()));
            return 0;
        }
    }
}
