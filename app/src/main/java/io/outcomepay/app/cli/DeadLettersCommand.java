package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.claims.intake.DeadLetters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List rejected claim records with file, line, field and reason.")
public class DeadLettersCommand extends RuntimeCommand {

    @Option(names = "--file", paramLabel = "NAME", description = "only records of this file name")
    String file;

    @Option(names = "--limit", defaultValue = "1000", description = "at most this many (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    int run(OutcomePayRuntime runtime) {
        runtime.bean(DeadLetters.class).list(file, limit).forEach(r -> out().println(r + " | " + r.rawRecord()));
        return 0;
    }
}
