package io.outcomepay.bench;

import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.cli.RuntimeCommand;
import picocli.CommandLine.Command;

import java.util.Locale;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild every read model from the event store of $OUTCOMEPAY_HOME (as `replay` does) and,",
                "as references in the same run: read the event table once sequentially (every payload); and",
                "the floor of the writes alone: the rebuilt encounter_view and encounter_fact rows, saved to a",
                "file in COPY's binary format, copied into empty tables of the same shape in one transaction,",
                "their keys and indexes built after the load (no event read, no Java work). The replay's steps",
                "are printed with their times."})
class BenchReplayCommand extends RuntimeCommand {

    @Override
    protected int run(OutcomePayRuntime runtime) {
        BenchTables tables = BenchTables.of(runtime);
        long start = System.nanoTime();
        BenchTables.EventTableRead read = tables.readEventTable();
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        RebuildingReadModels.Rebuilt rebuilt = runtime.bean(RebuildingReadModels.class).rebuild(p -> { });
        double replaySeconds = (System.nanoTime() - start) / 1e9;
        BenchTables.Floor floor = tables.floor(runtime.homeDirectory().resolve("bench"));
        out().println("| measured | events | seconds | events/s |");
        out().println("|---|---:|---:|---:|");
        out().printf(Locale.ROOT, "| reference: sequential read of the event table (%d MiB of payloads) | %d | %.1f | %.0f |%n",
                read.payloadBytes() >> 20, read.events(), rawSeconds, read.events() / rawSeconds);
        out().printf(Locale.ROOT, "| replay: %s rebuilt (%d encounter facts) | %d | %.1f | %.0f |%n",
                String.join(", ", rebuilt.processors()), rebuilt.facts(), rebuilt.events(), replaySeconds,
                rebuilt.events() / replaySeconds);
        rebuilt.steps().forEach(step -> out().printf(Locale.ROOT, "| - replay step: %s | | %.1f | |%n",
                step.name(), step.seconds()));
        out().printf(Locale.ROOT, "| floor of the writes alone: %d encounter_view and encounter_fact rows (%d MiB as binary COPY, as the replay sends them) "
                        + "loaded into empty tables, indexes built after, committed | %d | %.1f | %.0f |%n",
                floor.rows(), floor.bytes() >> 20, rebuilt.events(), floor.seconds(), rebuilt.events() / floor.seconds());
        return 0;
    }
}
