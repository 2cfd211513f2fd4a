package io.outcomepay.app.cli;

import io.outcomepay.analytics.rebuild.VerifyingReadModels;
import io.outcomepay.app.OutcomePayRuntime;
import picocli.CommandLine.Command;

import java.time.Clock;

@Command(name = "verify", mixinStandardHelpOptions = true, description = "Check stored results against the event store.",
        subcommands = VerifyCommand.Projections.class)
public class VerifyCommand extends ParentCommand {


    @Command(name = "projections", mixinStandardHelpOptions = true,
            description = {"Recompute from the event store the totals the read models hold (per hospital: encounters,",
                    "voided, sum of current allowed amounts; usage events; contract and baseline versions) and print",
                    "every difference. Exit code 1 when any differs (then `replay` rebuilds them)."})
    static class Projections extends RuntimeCommand {

        @Override
        int run(OutcomePayRuntime runtime) {
            ProgressBar progress = new ProgressBar(out(), err(), runtime.bean(Clock.class));
            VerifyingReadModels.Verified verified;
            try {
                verified = runtime.bean(VerifyingReadModels.class).verify(read -> progress.progress(read, 0, -1));
            } finally {
                progress.done();
            }
            verified.differences().forEach(d -> out().println("DIFFERS " + d));
            out().println(verified.events() + " events read; " + (verified.differences().isEmpty()
                    ? "the read models match the event store"
                    : verified.differences().size() + " totals differ"));
            return verified.differences().isEmpty() ? 0 : 1;
        }
    }
}
