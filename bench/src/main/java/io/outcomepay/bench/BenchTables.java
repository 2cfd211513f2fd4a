package io.outcomepay.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every SQL statement of the benchmarks: the references they measure the product against (COPY
 * into a plain table, event-like inserts, a bare GROUP BY, a sequential read of the event table,
 * the floor of the replay's writes) and the maintenance a bulk load is followed by. Tables it
 * creates are dropped again.
 */
final class BenchTables {

    private static final List<String> REBUILT = List.of("encounter_view", "encounter_fact");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    BenchTables(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    static BenchTables of(io.outcomepay.app.OutcomePayRuntime runtime) {
        return new BenchTables(runtime.bean(JdbcTemplate.class), runtime.bean(PlatformTransactionManager.class));
    }

    /** (a) The normalized rows (tab-separated) copied into a plain table. @return rows copied */
    long copyNormalized(Path normalized) {
        jdbc.execute("drop table if exists bench_copy");
        jdbc.execute("""
                create table bench_copy (claim_id varchar(64), hospital_id varchar(64), patient varchar(64),
                    admit_date date, discharge_date date, drg varchar(8), billed numeric(14,2), allowed numeric(14,2),
                    paid numeric(14,2), currency char(3), ai_assisted boolean)""");
        try {
            Long copied = jdbc.execute((ConnectionCallback<Long>) con -> {
                try (BufferedReader in = Files.newBufferedReader(normalized, StandardCharsets.UTF_8)) {
                    return copyManager(con).copyIn("copy bench_copy from stdin", in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return copied == null ? 0 : copied;
        } finally {
            jdbc.execute("drop table bench_copy");
        }
    }

    /**
     * (b) One insert per claim of an event-like row (jsonb payload, unique event id and (aggregate,
     * sequence) indexes), 500 per transaction. @param eventRows aggregate id TAB payload per line
     */
    long insertEventRows(Path eventRows) {
        jdbc.execute("drop table if exists bench_event");
        jdbc.execute("""
                create table bench_event (global_index bigserial primary key, event_id uuid not null unique,
                    aggregate_id varchar(255) not null, sequence_number bigint not null, type varchar(255) not null,
                    occurred_at timestamptz not null, payload jsonb not null, unique (aggregate_id, sequence_number))""");
        long count = 0;
        try (BufferedReader in = Files.newBufferedReader(eventRows, StandardCharsets.UTF_8)) {
            List<Object[]> batch = new ArrayList<>(500);
            Consumer<List<Object[]>> insert = rows -> tx.executeWithoutResult(s -> jdbc.batchUpdate("""
                    insert into bench_event (event_id, aggregate_id, sequence_number, type, occurred_at, payload)
                    values (?, ?, 0, 'EncounterRecorded', now(), ?::jsonb)
                    on conflict do nothing""", rows));
            String line;
            while ((line = in.readLine()) != null) {
                int tab = line.indexOf('\t');
                batch.add(new Object[]{UUID.randomUUID(), line.substring(0, tab), line.substring(tab + 1)});
                count++;
                if (batch.size() == 500) {
                    insert.accept(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                insert.accept(batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            jdbc.execute("drop table bench_event");
        }
        return count;
    }

    /** What autovacuum does after a bulk load, done now so that the measured queries see fresh statistics. */
    void vacuumAnalyzeFacts() {
        jdbc.execute("vacuum analyze encounter_fact");
    }

    /** The settle benchmark's reference: a bare GROUP BY hospital over the month's facts. @return hospitals */
    int bareGroupBy(String contractId, YearMonth month) {
        return jdbc.queryForList("""
                select hospital_id, count(*), sum(actual_minor) from encounter_fact
                where contract_id = ? and period = ? group by hospital_id""", contractId, month.toString()).size();
    }

    /** A sequential read of the whole event table. */
    record EventTableRead(long events, long payloadBytes) {
    }

    EventTableRead readEventTable() {
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
        return new EventTableRead(read[0], read[1]);
    }

    /** The floor of the replay's writes: rows loaded, their size as binary COPY, seconds. */
    record Floor(long rows, long bytes, double seconds) {
    }

    /**
     * The rebuilt encounter_view and encounter_fact rows saved by COPY to files under dir, then
     * timed: a transaction that creates empty tables like them, copies the files in, builds the same
     * indexes and commits. The tables and files are removed.
     */
    Floor floor(Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            long rows = 0;
            for (String table : REBUILT) {
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
                for (int i = 0; i < REBUILT.size(); i++) {
                    String table = REBUILT.get(i);
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
            REBUILT.forEach(table -> jdbc.execute("drop table bench_floor_" + table));
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
