package io.outcomepay.app.cli;

import io.outcomepay.analytics.processing.ParkedEvents;
import io.outcomepay.app.OutcomePayRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "processors", mixinStandardHelpOptions = true,
        description = "Operate the read models' event processors.",
        subcommands = {ProcessorsCommand.DeadLettersGroup.class})
public class ProcessorsCommand extends ParentCommand {

    @Command(name = "dead-letters", mixinStandardHelpOptions = true,
            description = {"Events a read model could not handle, parked with the later events of their aggregate",
                    "while every other event goes on; reads that need that read model are refused until they",
                    "are retried (after a fix) or evicted."},
            subcommands = {Listing.class, Retrying.class, Evicting.class})
    static class DeadLettersGroup extends ParentCommand {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List parked events, oldest first: id, read model, event, aggregate and cause.")
    static class Listing extends RuntimeCommand {

        @Option(names = "--processor", paramLabel = "NAME", description = "only this read model's (encounters, facts, ...)")
        String processor;

        @Option(names = "--limit", defaultValue = "1000", description = "at most this many (default ${DEFAULT-VALUE}, at most 10,000)")
        int limit;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            List<ParkedEvents.Parked> parked = runtime.bean(ParkedEvents.class)
                    .list(processor, limit);
            parked.forEach(p -> out().println(p.id() + "  " + p.describe()));
            out().println(parked.size() + " parked events");
            return 0;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Handle parked events again after their cause is fixed, each aggregate's in order; one",
                    "that fails again stays parked with its new cause. Exit code 1 when any is still parked."})
    static class Retrying extends RuntimeCommand {

        @Option(names = "--processor", paramLabel = "NAME", description = "only this read model's")
        String processor;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "the first parked event of a sequence (default: all)")
        List<String> ids;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            ParkedEvents.Retried retried = runtime.bean(ParkedEvents.class).retry(processor, ids == null ? List.of() : ids);
            retried.stillParked().forEach(p -> out().println("STILL PARKED " + p.id() + "  " + p.describe()));
            out().println("handled " + retried.sequencesHandled() + " sequences; " + retried.stillParked().size()
                    + " events still parked");
            return retried.stillParked().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "evict", mixinStandardHelpOptions = true,
            description = {"Remove a parked event for good: its read model never applies it (rebuild with",
                    "`replay` to apply it again). The later events of its aggregate stay parked until retried."})
    static class Evicting extends RuntimeCommand {

        @Parameters(paramLabel = "ID", description = "the parked event's id (from list)")
        String id;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            out().println("evicted " + runtime.bean(ParkedEvents.class).evict(id).describe());
            return 0;
        }
    }
}
