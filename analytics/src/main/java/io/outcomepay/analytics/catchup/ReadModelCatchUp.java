package io.outcomepay.analytics.catchup;

import io.outcomepay.analytics.processing.ParkedEvents;
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
 * after a write (settling after an ingest) sees that write. Rather than read stale data, fails at
 * once when a read model it needs has parked an event, and with the processor's own error when
 * the processor is still failing at the deadline.
 */
public class ReadModelCatchUp {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final Duration timeout;
    private final ParkedEvents parked;

    public ReadModelCatchUp(EventProcessingConfiguration processing, EventStore eventStore, Clock clock,
                            Duration timeout, ParkedEvents parked) {
        this.processing = processing;
        this.parked = parked;
        this.eventStore = eventStore;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The processor that publishes events to other systems: no read of ours waits for it. */
    public static final String OUTBOUND = "outbound";

    public void await() {
        await(name -> !name.equals(OUTBOUND));
    }

    /**
     * Waits until the read models have handled every event stored so far, parked ones included (a
     * check of the read models lists those rather than refusing to run).
     */
    public void awaitIncludingParked() {
        await(name -> !name.equals(OUTBOUND), head(), Duration.ofMillis(20));
    }

    /** Waits until every event stored so far was published to the outbound topic. */
    public void awaitOutbound() {
        await(OUTBOUND::equals);
    }

    /** Waits for one read model only (reference data read while claims stream in). */
    public void await(String processingGroup) {
        await(processingGroup::equals);
    }

    /**
     * Waits until the named read models have handled the event at the position (a read model that
     * reads others' tables waits for them to be at least where it is).
     */
    public void awaitPosition(java.util.Collection<String> processingGroups, long position) {
        await(processingGroups::contains, position, Duration.ofMillis(2));
    }

    /**
     * A read waits for the read models it names; one that has parked an event cannot give a true
     * answer, so the read fails at once naming that event instead of waiting out its timeout.
     */
    private void await(java.util.function.Predicate<String> processors) {
        java.util.List<String> awaited = processing.eventProcessors().keySet().stream().filter(processors).toList();
        parked.first(awaited).ifPresent(event -> {
            throw new ReadModelParked(event);
        });
        await(processors, head(), Duration.ofMillis(20));
    }

    /** A read model whose processor is failing (and retrying): a failure of the moment for its readers. */
    public static class ReadModelFailing extends IllegalStateException {
        public ReadModelFailing(String name, Throwable error) {
            super("read model '" + name + "' failed: " + error.getMessage(), error);
        }
    }

    /** A read refused because a read model it needs has parked an event. */
    public static class ReadModelParked extends IllegalStateException {
        public ReadModelParked(ParkedEvents.Parked event) {
            super(event.describe() + "; fix the cause, then 'outcomepay processors dead-letters retry' "
                    + "(or evict " + event.id() + ")");
        }
    }

    private void await(java.util.function.Predicate<String> processors, long target, Duration poll) {
        if (target < 0) {
            return;
        }
        Instant deadline = clock.instant().plus(timeout);
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor streaming) || !processors.test(entry.getKey())) {
                continue;
            }
            while (!reached(entry.getKey(), streaming, target, deadline)) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("read model '" + entry.getKey() + "' did not reach event "
                            + target + " within " + timeout.toSeconds() + " s (is another OutcomePay process holding it?)");
                }
                LockSupport.parkNanos(poll.toNanos());
            }
        }
    }

    /**
     * Whether the processor has handled the event at target. A failing processor retries by itself
     * (an event it cannot handle is parked, so what fails is of the moment: the database away, a
     * read model it reads failing): it is waited for, and its error is the answer only at the deadline.
     */
    private boolean reached(String name, StreamingEventProcessor processor, long target, Instant deadline) {
        try {
            return slowestPosition(name, processor) >= target;
        } catch (ReadModelFailing failing) {
            if (clock.instant().isAfter(deadline)) {
                throw failing;
            }
            return false;
        }
    }

    /**
     * The event position the processor's slowest segment has handled, -1 when it has not started;
     * fails with the processor's own error when a segment is stuck.
     */
    public static long slowestPosition(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new ReadModelFailing(name, segment.getError());
            }
            OptionalLong position = segment.getCurrentPosition();
            slowest = Math.min(slowest, position.orElse(-1));
        }
        return slowest;
    }

    /** The position of the last event stored, -1 when there is none. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
