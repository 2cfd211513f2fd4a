package io.outcomepay.analytics.rebuild;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Rebuilds every read model from the event store in one pass: each tracking processor but the
 * outbound one (whose consumers keep their own state) is stopped; in one transaction the
 * projections' reset handlers empty their tables, the event store is read once, in order, and every
 * event handed to every projection, a batch of events at a time, each projection doing its batch
 * work (COPY of new rows, the encounter facts priced) as its processor does; every processor's
 * token is set to the last event read and the processors started again. A reader thread reads and
 * deserializes the next batches while the current one is written. Replaying through each processor
 * separately would read the whole event store once per processor.
 * One OutcomePay process at a time: another one holding a processor's token would keep it.
 */
public class RebuildingReadModels {

    /** Events handed to the projections per batch, as a processor's batch: the default. */
    public static final int BATCH = 5000;
    /**
     * Set on the unit of work of a replayed batch: every read model is then rebuilt in event order in
     * the same transaction, so a projection reading others need not wait for their processors.
     */
    public static final String REPLAYING = RebuildingReadModels.class.getName() + ".replaying";

    private final EventProcessingConfiguration processing;
    private final ReadModelCatchUp catchUp;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final List<Object> instances;
    private final List<AnnotationEventHandlerAdapter> projections;
    private final JdbcTemplate jdbc;
    private final List<String> bulkTables;
    private final int batchSize;
    private final Map<Class<?>, boolean[]> handlers = new ConcurrentHashMap<>();

    /**
     * @param projections every projection, in the order they handle an event (the read models before
     *                    a projection reading them: the facts last)
     * @param bulkTables  the large tables the projections fill, whose keys and indexes are built after the load
     * @param batchSize   events per batch ({@link #BATCH})
     */
    public RebuildingReadModels(EventProcessingConfiguration processing, ReadModelCatchUp catchUp, Serializer serializer,
                                EventUpcaster upcasters, TokenStore tokenStore, TransactionTemplate transactions,
                                ParameterResolverFactory parameters, List<Object> projections,
                                JdbcTemplate jdbc, List<String> bulkTables, int batchSize) {
        this.processing = processing;
        this.catchUp = catchUp;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.instances = List.copyOf(projections);
        this.projections = projections.stream().map(p -> new AnnotationEventHandlerAdapter(p, parameters)).toList();
        this.jdbc = jdbc;
        this.bulkTables = List.copyOf(bulkTables);
        this.batchSize = batchSize;
    }

    /**
     * What a rebuild did: the processors reset, the position of the last event read again, the
     * events read and the encounter facts there are now; how long each step took, in order.
     */
    public record Rebuilt(List<String> processors, long headPosition, long events, long facts, List<Step> steps) {
    }

    /** One step of a rebuild and its wall-clock seconds. */
    public record Step(String name, double seconds) {
    }

    /** Steps timed one after the other. */
    private static final class Steps {
        private final List<Step> steps = new ArrayList<>();
        private long start = System.nanoTime();

        void done(String name) {
            long now = System.nanoTime();
            steps.add(new Step(name, (now - start) / 1e9));
            start = now;
        }
    }

    /** @param progress hears the position reached, after every batch */
    public Rebuilt rebuild(LongConsumer progress) {
        Map<String, StreamingEventProcessor> readModels = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && !name.equals(ReadModelCatchUp.OUTBOUND)) {
                readModels.put(name, streaming);
            }
        });
        Steps steps = new Steps();
        // all at once: each may be waiting out its poll for new events
        CompletableFuture.allOf(readModels.values().stream()
                .map(StreamingEventProcessor::shutdownAsync).toArray(CompletableFuture[]::new)).join();
        readModels.values().forEach(RebuildingReadModels::awaitReleased);
        steps.done("processors stopped");
        long head = catchUp.head();
        Loaded loaded;
        try {
            loaded = transactions.execute(s -> rebuildInOneTransaction(readModels.keySet(), head, progress, steps));
            steps.done("commit");
        } finally {
            readModels.values().forEach(StreamingEventProcessor::start);
        }
        jdbc.execute("analyze " + String.join(", ", bulkTables));
        steps.done("analyze " + String.join(", ", bulkTables));
        catchUp.await();
        steps.done("processors caught up");
        progress.accept(Math.max(0, head));
        return new Rebuilt(List.copyOf(readModels.keySet()), head, loaded.events(), loaded.facts(), List.copyOf(steps.steps));
    }

    /**
     * Everything in one transaction: readers see the old read models until it commits, a failure
     * leaves them as they were, and (with PostgreSQL's minimal WAL level) tables emptied and loaded in
     * the same transaction skip the WAL. The bulk tables lose their primary keys, unique constraints
     * and indexes first and get them again after the load, a sort each instead of a million random
     * insertions; the events that need them meanwhile are deferred to after the load (see {@link BulkLoad}).
     */
    private Loaded rebuildInOneTransaction(Set<String> processors, long head, LongConsumer progress, Steps steps) {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
        // the keys and indexes are built from sorts of a million rows: let them sort in memory
        jdbc.execute("set local maintenance_work_mem = '256MB'");
        // every event is handled again, parked ones included: no letter stays parked (one that still
        // fails fails the rebuild, which leaves everything as it was)
        jdbc.update("delete from processor_dead_letter");
        List<String> restore = dropKeysAndIndexes();
        steps.done("read models emptied, keys and indexes of " + String.join(", ", bulkTables) + " dropped");
        TrackingToken last = null;
        long events = 0;
        BulkLoad bulk = new BulkLoad(instances, jdbc);
        try (bulk; EventReader reader = head < 0 ? null
                : new EventReader(jdbc.getDataSource(), serializer, upcasters, head, batchSize)) {
            if (reader != null) {
                for (List<TrackedEventMessage<?>> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                    try {
                        handle(batch, bulk, (event, projection) -> true);
                    } catch (RuntimeException e) {
                        bulk.failIfACopyFailed(); // the cause, if a copy failed first
                        throw e;
                    }
                    events += batch.size();
                    progress.accept(batch.get(batch.size() - 1).trackingToken().position().orElse(head));
                }
                last = reader.lastToken();
            }
            bulk.drain();
        }
        steps.done("events read, handled, new rows copied");
        restore.forEach(jdbc::execute);
        steps.done("keys and indexes built");
        handleDeferred(bulk);
        steps.done(bulk.deferred() + " deferred events handled");
        TrackingToken token = last;
        processors.forEach(name -> {
            for (int segment : tokenStore.fetchSegments(name)) {
                tokenStore.storeToken(token, name, segment);
            }
        });
        long facts = jdbc.queryForObject("select count(*) from encounter_fact", Long.class);
        return new Loaded(events, facts);
    }

    /** What the transaction of a rebuild did: the events read, the encounter facts there are now. */
    private record Loaded(long events, long facts) {
    }

    /**
     * Drops the bulk tables' primary keys, unique constraints and other indexes.
     *
     * @return the statements that make them again, constraints first
     */
    private List<String> dropKeysAndIndexes() {
        String[] tables = bulkTables.toArray(String[]::new);
        List<String> drop = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        jdbc.query("""
                select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
                where c.conrelid = any (?::regclass[]) and c.contype in ('p', 'u') order by 1, 2""", rs -> {
            drop.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
            restore.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3));
        }, (Object) tables);
        jdbc.query("""
                select indexname, indexdef from pg_indexes i where schemaname = current_schema() and tablename = any (?)
                and not exists (select 1 from pg_constraint c where c.conname = i.indexname) order by 1""", rs -> {
            drop.add("drop index " + rs.getString(1));
            restore.add(rs.getString(2));
        }, (Object) tables);
        drop.forEach(jdbc::execute);
        return restore;
    }

    /** The events deferred by the bulk load, read again in order and handed to the projections that deferred them. */
    private void handleDeferred(BulkLoad bulk) {
        for (int from = 0; from < bulk.deferred(); from += batchSize) {
            int to = Math.min(bulk.deferred(), from + batchSize);
            Long[] positions = new Long[to - from];
            for (int i = from; i < to; i++) {
                positions[i - from] = bulk.position(i);
            }
            List<TrackedEventData<?>> entries = jdbc.query("select " + EventReader.COLUMNS
                            + " from domain_event_entry where global_index = any (?) order by global_index",
                    (rs, i) -> EventReader.entry(rs), (Object) positions);
            if (entries.size() != positions.length) {
                throw new IllegalStateException("replay: " + positions.length + " deferred events, "
                        + entries.size() + " found again");
            }
            int offset = from;
            handle(EventReader.deserialize(entries, serializer, upcasters), null,
                    (event, projection) -> bulk.deferredBy(offset + event, projection));
        }
    }

    /** Which projections handle which events of a batch: (index in the batch, index of the projection). */
    private interface Handling {
        boolean handles(int event, int projection);
    }

    /**
     * One batch in one transaction: each projection's batch work (pending inserts) runs as it commits.
     *
     * @param bulk the bulk load the batch is part of, or null after the load
     */
    private void handle(List<? extends EventMessage<?>> batch, BulkLoad bulk, Handling handling) {
        transactions.executeWithoutResult(s -> {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
            unitOfWork.resources().put(REPLAYING, Boolean.TRUE);
            if (bulk != null) {
                unitOfWork.resources().put(BulkLoad.RESOURCE, bulk);
            }
            int[] position = {-1};
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                EventMessage<?> event = unitOfWork.getMessage();
                position[0]++;
                boolean[] handlers = handlersOf(event);
                for (int p = 0; p < projections.size(); p++) {
                    if (handlers[p] && handling.handles(position[0], p)) {
                        projections.get(p).handle(event);
                    }
                }
                if (bulk != null) {
                    bulk.handled(event);
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException("replay failed: " + result.exceptionResult().getMessage(),
                        result.exceptionResult());
            }
        });
    }

    /**
     * Which projections handle events of this payload type, asked once per type: a replayed event
     * differs from another of its type only in its values.
     */
    private boolean[] handlersOf(EventMessage<?> event) {
        return handlers.computeIfAbsent(event.getPayloadType(), type -> {
            boolean[] handle = new boolean[projections.size()];
            for (int p = 0; p < handle.length; p++) {
                handle[p] = projections.get(p).canHandle(event);
            }
            return handle;
        });
    }

    /** A processor's segments are released shortly after it stops; storing its token needs them all. */
    private static void awaitReleased(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (processor.isRunning() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
