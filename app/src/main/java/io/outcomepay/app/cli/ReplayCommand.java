package io.outcomepay.app.cli;

import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.app.OutcomePayRuntime;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.util.Locale;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild every read model from the event store, with progress: tables emptied by their",
                "projections, the event store read once and every event handed to every projection, the encounter",
                "facts priced again, every processor's token set to the last event. Run it with no other",
                "OutcomePay process on the same database. `verify projections` checks the result."})
public class ReplayCommand extends RuntimeCommand {

    @Override
    protected int run(OutcomePayRuntime runtime) {
        Clock clock = runtime.bean(Clock.class);
        ProgressBar progress = new ProgressBar(out(), err(), clock);
        long started = clock.millis();
        RebuildingReadModels.Rebuilt rebuilt;
        try {
            rebuilt = runtime.bean(RebuildingReadModels.class).rebuild(position -> progress.progress(position, 0, -1));
        } finally {
            progress.done();
        }
        long millis = Math.max(1, clock.millis() - started);
        out().printf(Locale.ROOT, "replayed %d events into %s and priced %d encounter facts in %.1f s (%d events/s)%n",
                rebuilt.events(), String.join(", ", rebuilt.processors()), rebuilt.facts(), millis / 1000.0,
                rebuilt.events() * 1000 / millis);
        return 0;
    }
}
