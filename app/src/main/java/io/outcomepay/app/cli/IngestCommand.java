package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.operations.Operations;
import io.outcomepay.claims.intake.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest a claims CSV (UTF-8, RFC 4180, header row; columns by name).",
                "Prints counts: read, recorded, duplicate, corrected, voided, rejected. Each rejected record is",
                "printed and kept in the dead-letter store with file, line, field and reason; good records land.",
                "Ingesting the same file again records nothing new."})
public class IngestCommand extends RuntimeCommand {

    @Parameters(paramLabel = "FILE", description = "claims CSV file")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read claims file " + file);
        }
        return super.call();
    }

    @Override
    int run(OutcomePayRuntime runtime) {
        IngestReport report = ingest(runtime, file, this);
        out().println(report.source() + ": " + report.summary());
        return 0;
    }

    static IngestReport ingest(OutcomePayRuntime runtime, Path file, RuntimeCommand command) {
        ProgressBar progress = new ProgressBar(command.out(), command.err(), runtime.bean(Clock.class));
        try {
            return runtime.bean(Operations.class).ingestCsv(file, progress);
        } finally {
            progress.done();
        }
    }
}
