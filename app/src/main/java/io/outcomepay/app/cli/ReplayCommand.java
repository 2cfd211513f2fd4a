package io.outcomepay.app.cli;

import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.app.OutcomePayRuntime;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.util.Locale;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild every read model from the event store (tokens reset, tables emptied by their",
                "projections, every event read again), with progress. Run it with no other OutcomePay process on",
                "the same database. `verify projections` checks the result."})
public class ReplayCommand extends RuntimeCommand {

    @Override
    int run(OutcomePayRuntime runtime) {
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
        Long events = runtime.bean(JdbcTemplate.class).queryForObject(
                "select count(*) from domain_event_entry where global_index <= ?", Long.class, rebuilt.headPosition());
        out().printf(Locale.ROOT, "replayed %d events into %s in %.1f s (%d events/s)%n", events,
                String.join(", ", rebuilt.processors()), millis / 1000.0, events * 1000 / millis);
        return 0;
    }
}
