package io.outcomepay.analytics.rebuild;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private static final int BATCH = 2000;
    /**
     * Set on the unit of work of a replayed batch: every read model is then rebuilt in event order in
     * the same transaction, so a projection reading others need not wait for their processors.
     */
    public static final String REPLAYING = RebuildingReadModels.class.getName() + ".replaying";

    private final EventProcessingConfiguration processing;
    private final ReadModelCatchUp catchUp;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final List<AnnotationEventHandlerAdapter> projections;
    private final JdbcTemplate jdbc;
    private final List<String> bulkTables;

    /**
     * @param projections every projection, in the order they handle an event (the read models before
     *                    a projection reading them: the facts last)
     * @param bulkTables  the large tables the projections fill, whose secondary indexes are built after the load
     */
    public RebuildingReadModels(EventProcessingConfiguration processing, ReadModelCatchUp catchUp, EventStore eventStore,
                                TokenStore tokenStore, TransactionTemplate transactions,
                                ParameterResolverFactory parameters, List<Object> projections,
                                JdbcTemplate jdbc, List<String> bulkTables) {
        this.processing = processing;
        this.catchUp = catchUp;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.projections = projections.stream().map(p -> new AnnotationEventHandlerAdapter(p, parameters)).toList();
        this.jdbc = jdbc;
        this.bulkTables = List.copyOf(bulkTables);
    }

    /**
     * What a rebuild did: the processors reset, the position of the last event read again, the
     * events read and the encounter facts there are now.
     */
    public record Rebuilt(List<String> processors, long headPosition, long events, long facts) {
    }

    /** @param progress hears the position reached, after every batch */
    public Rebuilt rebuild(LongConsumer progress) {
        Map<String, StreamingEventProcessor> readModels = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && !name.equals(ReadModelCatchUp.OUTBOUND)) {
                readModels.put(name, streaming);
            }
        });
        readModels.values().forEach(StreamingEventProcessor::shutDown);
        readModels.values().forEach(RebuildingReadModels::awaitReleased);
        long head = catchUp.head();
        Rebuilt rebuilt;
        try {
            rebuilt = transactions.execute(s -> rebuildInOneTransaction(readModels.keySet(), head, progress));
        } finally {
            readModels.values().forEach(StreamingEventProcessor::start);
        }
        jdbc.execute("analyze " + String.join(", ", bulkTables));
        catchUp.await();
        progress.accept(Math.max(0, head));
        return rebuilt;
    }

    /**
     * Everything in one transaction: readers see the old read models until it commits, a failure
     * leaves them as they were, and (with PostgreSQL's minimal WAL level) tables emptied and loaded in
     * the same transaction skip the WAL. The bulk tables' secondary indexes are dropped first and
     * built again after the load, a sort each instead of a million random insertions.
     */
    private Rebuilt rebuildInOneTransaction(Set<String> processors, long head, LongConsumer progress) {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
        Map<String, String> indexes = new TreeMap<>();
        jdbc.query("""
                select indexname, indexdef from pg_indexes i where schemaname = current_schema() and tablename = any (?)
                and not exists (select 1 from pg_constraint c where c.conname = i.indexname)""",
                rs -> {
                    indexes.put(rs.getString(1), rs.getString(2));
                }, (Object) bulkTables.toArray(String[]::new));
        indexes.keySet().forEach(index -> jdbc.execute("drop index " + index));
        TrackingToken last = null;
        long events = 0;
        if (head >= 0) {
            try (EventReader reader = new EventReader(eventStore, head, BATCH)) {
                for (List<TrackedEventMessage<?>> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                    handle(batch);
                    events += batch.size();
                    last = batch.get(batch.size() - 1).trackingToken();
                    progress.accept(last.position().orElse(head));
                }
            }
        }
        indexes.values().forEach(jdbc::execute);
        TrackingToken token = last;
        processors.forEach(name -> {
            for (int segment : tokenStore.fetchSegments(name)) {
                tokenStore.storeToken(token, name, segment);
            }
        });
        long facts = jdbc.queryForObject("select count(*) from encounter_fact", Long.class);
        return new Rebuilt(List.copyOf(processors), head, events, facts);
    }

    /** One batch in one transaction: each projection's batch work (pending inserts) runs as it commits. */
    private void handle(List<? extends EventMessage<?>> batch) {
        transactions.executeWithoutResult(s -> {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
            unitOfWork.resources().put(REPLAYING, Boolean.TRUE);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                EventMessage<?> event = unitOfWork.getMessage();
                for (AnnotationEventHandlerAdapter projection : projections) {
                    if (projection.canHandle(event)) {
                        projection.handle(event);
                    }
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException("replay failed: " + result.exceptionResult().getMessage(),
                        result.exceptionResult());
            }
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
