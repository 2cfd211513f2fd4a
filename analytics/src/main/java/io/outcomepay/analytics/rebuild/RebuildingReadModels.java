package io.outcomepay.analytics.rebuild;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.facts.EncounterFactProjection;
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
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Rebuilds every read model from the event store in one pass: each tracking processor but the
 * outbound one (whose consumers keep their own state) is stopped; the projections' reset handlers
 * empty their tables; the event store is read once, in order, and every event handed to every
 * projection, a batch of events per transaction (each projection writes a batch at once, as its
 * processor does); the encounter facts are then priced in bulk from the rebuilt encounters; every
 * processor's token is set to the last event read and the processors started again. Replaying
 * through each processor separately would read the whole event store once per processor.
 * One OutcomePay process at a time: another one holding a processor's token would keep it.
 */
public class RebuildingReadModels {

    private static final int BATCH = 2000;

    private final EventProcessingConfiguration processing;
    private final ReadModelCatchUp catchUp;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final List<AnnotationEventHandlerAdapter> projections;
    private final EncounterFactProjection facts;

    /**
     * @param projections every projection but the facts, in the order they handle an event (the
     *                    encounters before any projection reading them)
     */
    public RebuildingReadModels(EventProcessingConfiguration processing, ReadModelCatchUp catchUp, EventStore eventStore,
                                TokenStore tokenStore, TransactionTemplate transactions,
                                ParameterResolverFactory parameters, List<Object> projections,
                                EncounterFactProjection facts) {
        this.processing = processing;
        this.catchUp = catchUp;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.projections = projections.stream().map(p -> new AnnotationEventHandlerAdapter(p, parameters)).toList();
        this.facts = facts;
    }

    /**
     * What a rebuild did: the processors reset, the position of the last event read again, the
     * events read and the encounter facts priced.
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
        transactions.executeWithoutResult(s -> {
            projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
            facts.reset();
        });
        TrackingToken last = null;
        long events = 0;
        if (head >= 0) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                List<EventMessage<?>> batch = new ArrayList<>(BATCH);
                long position = -1;
                while (position < head) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    batch.add(event);
                    last = event.trackingToken();
                    position = last.position().orElse(position);
                    if (batch.size() == BATCH || position >= head) {
                        handle(batch);
                        events += batch.size();
                        batch.clear();
                        progress.accept(position);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying the event store", e);
            }
        }
        long priced = transactions.execute(s -> facts.rebuildAll());
        TrackingToken token = last;
        transactions.executeWithoutResult(s -> readModels.keySet().forEach(name -> {
            for (int segment : tokenStore.fetchSegments(name)) {
                tokenStore.storeToken(token, name, segment);
            }
        }));
        readModels.values().forEach(StreamingEventProcessor::start);
        catchUp.await();
        progress.accept(Math.max(0, head));
        return new Rebuilt(List.copyOf(readModels.keySet()), head, events, priced);
    }

    /** One batch in one transaction: each projection's batch work (pending inserts) runs as it commits. */
    private void handle(List<EventMessage<?>> batch) {
        transactions.executeWithoutResult(s -> {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
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
