package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.claims.application.ImportingUsageEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "usage", mixinStandardHelpOptions = true, description = "Vendors' AI usage events.",
        subcommands = UsageCommand.Import.class)
public class UsageCommand extends ParentCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Record the AI usage events of a file: NDJSON (one event per line, as POST /api/ai-usage takes",
                    "them) or CSV with a header of the same names (event_id, vendor, ai_service, model_version,",
                    "hospital_id, claim_id, encounter_ref, occurred_at, kind). An encounter an event names counts as",
                    "AI-assisted for the contracts that pay its vendor. Bad events are printed and dead-lettered with",
                    "their line and field; the same event again records nothing, other content under its id is a conflict."})
    static class Import extends RuntimeCommand {
        @Parameters(paramLabel = "FILE", description = "the usage events (.ndjson or .csv)")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read usage file " + file);
            }
            return super.call();
        }

        @Override
        protected int run(OutcomePayRuntime runtime) {
            ImportingUsageEvents.UsageImported imported = runtime.bean(ImportingUsageEvents.class)
                    .importUsage(new ImportingUsageEvents.ImportUsage(file));
            imported.rejections().forEach(r -> out().println("REJECTED " + r));
            out().println(file.getFileName() + ": " + imported.summary());
            return 0;
        }
    }
}
