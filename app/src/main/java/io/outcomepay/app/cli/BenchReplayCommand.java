package io.outcomepay.app.cli;

import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.app.OutcomePayRuntime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild every read model from the event store of $OUTCOMEPAY_HOME (as `replay` does) and,",
                "as references in the same run: read the event table once sequentially (every payload); and",
                "the floor of the writes alone: the rebuilt encounter_view and encounter_fact rows, saved to a",
                "file in COPY's binary format, copied into empty tables of the same shape in one transaction,",
                "their keys and indexes built after the load (no event read, no Java work). The replay's steps",
                "are printed with their times."})
class BenchReplayCommand extends RuntimeCommand {

    private static final List<String> LOADED = List.of("encounter_view", "encounter_fact");

    @Override
    int run(OutcomePayRuntime runtime) {
        JdbcTemplate jdbc = runtime.bean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(runtime.bean(PlatformTransactionManager.class));
        long start = System.nanoTime();
        long[] read = new long[2];
        tx.executeWithoutResult(s -> {
            jdbc.setFetchSize(10_000);
            jdbc.query("select global_index, payload_type, payload, meta_data from domain_event_entry order by global_index",
                    rs -> {
                        read[0]++;
                        read[1] += rs.getBytes(3).length;
                    });
            jdbc.setFetchSize(-1);
        });
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        RebuildingReadModels.Rebuilt rebuilt = runtime.bean(RebuildingReadModels.class).rebuild(p -> { });
        double replaySeconds = (System.nanoTime() - start) / 1e9;
        Floor floor = floor(jdbc, tx, runtime.homeDirectory().resolve("bench"));
        out().println("| measured | events | seconds | events/s |");
        out().println("|---|---:|---:|---:|");
        out().printf(Locale.ROOT, "| reference: sequential read of the event table (%d MiB of payloads) | %d | %.1f | %.0f |%n",
                read[1] >> 20, read[0], rawSeconds, read[0] / rawSeconds);
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

    private record Floor(long rows, long bytes, double seconds) {
    }

    /**
     * The rebuilt rows saved by COPY to files, then timed: a transaction that creates empty tables
     * like them, copies the files in, builds the same indexes and commits. The tables are dropped.
     */
    private static Floor floor(JdbcTemplate jdbc, TransactionTemplate tx, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            long rows = 0;
            for (String table : LOADED) {
                Path file = dir.resolve("floor-" + table + ".copy");
                files.add(file);
                try (OutputStream out = Files.newOutputStream(file)) {
                    rows += jdbc.execute((ConnectionCallback<Long>) c -> {
                        try {
                            return copyManager(c).copyOut("copy " + table + " to stdout with (format binary)", out);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
            long bytes = 0;
            for (Path file : files) {
                bytes += Files.size(file);
            }
            long start = System.nanoTime();
            tx.executeWithoutResult(s -> {
                jdbc.execute("set local maintenance_work_mem = '256MB'"); // as the replay builds them
                for (int i = 0; i < LOADED.size(); i++) {
                    String table = LOADED.get(i);
                    String floor = "bench_floor_" + table;
                    jdbc.execute("create table " + floor + " (like " + table + " including defaults including constraints)");
                    Path file = files.get(i);
                    jdbc.execute((ConnectionCallback<Long>) c -> {
                        try (InputStream in = Files.newInputStream(file)) {
                            return copyManager(c).copyIn("copy " + floor + " from stdin with (format binary)", in);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    jdbc.queryForList("select indexname, indexdef from pg_indexes where schemaname = current_schema() "
                                    + "and tablename = ?", table).forEach(index -> jdbc.execute(
                            ((String) index.get("indexdef")).replaceFirst(" INDEX \\S+ ON \\S+ ",
                                    " INDEX bench_floor_" + index.get("indexname") + " ON " + floor + " ")));
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            LOADED.forEach(table -> jdbc.execute("drop table bench_floor_" + table));
            for (Path file : files) {
                Files.delete(file);
            }
            return new Floor(rows, bytes, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the rebuilt rows under " + dir, e);
        }
    }

    private static CopyManager copyManager(java.sql.Connection connection) throws java.sql.SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }
}
