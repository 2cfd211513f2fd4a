package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.claims.application.ReplayingDeadLetters;
import io.outcomepay.claims.intake.DeadLetter;
import io.outcomepay.claims.intake.DeadLetters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "deadletters", aliases = "dead-letters", mixinStandardHelpOptions = true,
        description = "Rejected records with source, position, field and reason; replay them after a fix.",
        subcommands = {DeadLettersCommand.Listing.class, DeadLettersCommand.Replaying.class})
public class DeadLettersCommand extends ParentCommand {


    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List dead letters: #id, status (open or replayed), source:position, field, reason,",
                    "then the stored record (patients as pseudonyms)."})
    static class Listing extends RuntimeCommand {

        @Option(names = "--file", paramLabel = "NAME", description = "only records of this source (file name)")
        String file;

        @Option(names = "--status", paramLabel = "open|replayed", description = "only open or only replayed letters")
        String status;

        @Option(names = "--limit", defaultValue = "1000", description = "at most this many (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            if (status != null && !status.equals(DeadLetter.OPEN) && !status.equals(DeadLetter.REPLAYED)) {
                throw new IllegalArgumentException("--status must be open or replayed, was '" + status + "'");
            }
            runtime.bean(DeadLetters.class).list(file, status, limit).forEach(r -> out().println(r + " | " + r.rawRecord()));
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Replay open dead letters after a fix (a baseline published, the original claim arrived):",
                    "each goes through the intake again; landed ones become 'replayed', refused ones stay open",
                    "with the new reason. Replaying again records nothing twice. Exit code 1 when any was refused."})
    static class Replaying extends RuntimeCommand {

        @Option(names = "--id", split = ",", paramLabel = "ID", description = "only these letters (default: every open one)")
        List<Long> ids;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            List<ReplayingDeadLetters.Replayed> results = runtime.bean(ReplayingDeadLetters.class)
                    .replay(ids == null ? List.of() : ids);
            results.forEach(r -> out().println(r));
            long landed = results.stream().filter(r -> r.result().equals("replayed")).count();
            out().println("replayed " + landed + " of " + results.size() + " open dead letters");
            return landed == results.size() ? 0 : 1;
        }
    }
}
