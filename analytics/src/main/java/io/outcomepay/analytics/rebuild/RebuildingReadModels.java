package io.outcomepay.analytics.rebuild;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Rebuilds every read model from the event store: each tracking processor (not the outbound one,
 * whose consumers keep their own state) is stopped, its token reset (its reset handler empties its
 * tables) and started again; returns when all have caught up with the events stored at the start.
 * One OutcomePay process at a time: another one holding a processor's token would keep it.
 */
public class RebuildingReadModels {

    private final EventProcessingConfiguration processing;
    private final ReadModelCatchUp catchUp;

    public RebuildingReadModels(EventProcessingConfiguration processing, ReadModelCatchUp catchUp) {
        this.processing = processing;
        this.catchUp = catchUp;
    }

    /** What a rebuild did: the processors reset, and the position of the last event they read again. */
    public record Rebuilt(List<String> processors, long headPosition) {
    }

    /** @param progress hears the position the slowest processor has reached, every half second */
    public Rebuilt rebuild(LongConsumer progress) {
        long head = catchUp.head();
        Map<String, StreamingEventProcessor> readModels = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && !name.equals(ReadModelCatchUp.OUTBOUND)) {
                readModels.put(name, streaming);
            }
        });
        readModels.values().forEach(StreamingEventProcessor::shutDown);
        readModels.values().forEach(p -> awaitReleased(p));
        readModels.values().forEach(StreamingEventProcessor::resetTokens);
        readModels.values().forEach(StreamingEventProcessor::start);
        while (slowest(readModels) < head) {
            progress.accept(Math.max(0, slowest(readModels)));
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        catchUp.await();
        progress.accept(Math.max(0, head));
        return new Rebuilt(List.copyOf(readModels.keySet()), head);
    }

    /** A processor's segments are released shortly after it stops; resetting needs them all. */
    private static void awaitReleased(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (processor.isRunning() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static long slowest(Map<String, StreamingEventProcessor> processors) {
        long slowest = Long.MAX_VALUE;
        for (Map.Entry<String, StreamingEventProcessor> processor : processors.entrySet()) {
            slowest = Math.min(slowest, ReadModelCatchUp.slowestPosition(processor.getKey(), processor.getValue()));
        }
        return slowest;
    }
}
