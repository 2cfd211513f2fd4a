package io.outcomepay.analytics.catchup;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until every tracking processor has handled every event stored so far, so that a read
 * after a write (settling after an ingest) sees that write. Fails with the processor's own error
 * if a projection is stuck, rather than reading stale data.
 */
public class ReadModelCatchUp {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final Duration timeout;

    public ReadModelCatchUp(EventProcessingConfiguration processing, EventStore eventStore, Clock clock,
                            Duration timeout) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The processor that publishes events to other systems: no read of ours waits for it. */
    public static final String OUTBOUND = "outbound";

    public void await() {
        await(name -> !name.equals(OUTBOUND));
    }

    /** Waits until every event stored so far was published to the outbound topic. */
    public void awaitOutbound() {
        await(OUTBOUND::equals);
    }

    /** Waits for one read model only (reference data read while claims stream in). */
    public void await(String processingGroup) {
        await(processingGroup::equals);
    }

    private void await(java.util.function.Predicate<String> processors) {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        if (target < 0) {
            return;
        }
        Instant deadline = clock.instant().plus(timeout);
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor streaming) || !processors.test(entry.getKey())) {
                continue;
            }
            while (!reached(entry.getKey(), streaming, target)) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("read model '" + entry.getKey() + "' did not reach event "
                            + target + " within " + timeout.toSeconds() + " s (is another OutcomePay process holding it?)");
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }

    private static boolean reached(String name, StreamingEventProcessor processor, long target) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("read model '" + name + "' failed: " + segment.getError().getMessage(),
                        segment.getError());
            }
            OptionalLong position = segment.getCurrentPosition();
            if (position.isEmpty() || position.getAsLong() < target) {
                return false;
            }
        }
        return true;
    }
}
