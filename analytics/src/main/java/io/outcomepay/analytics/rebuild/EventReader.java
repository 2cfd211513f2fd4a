package io.outcomepay.analytics.rebuild;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the event store from its start up to a position on a thread of its own, in batches, each
 * event's payload and metadata deserialized there: the replay writes one batch while the next ones
 * are read. A few batches are read ahead at most.
 */
final class EventReader implements AutoCloseable {

    private static final int AHEAD = 4;
    private static final List<TrackedEventMessage<?>> END = List.of();

    private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile RuntimeException failure;

    EventReader(EventStore eventStore, long lastPosition, int batchSize) {
        thread = new Thread(() -> read(eventStore, lastPosition, batchSize), "replay-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(EventStore eventStore, long lastPosition, int batchSize) {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            long position = -1;
            while (position < lastPosition) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                event.getPayload();
                event.getMetaData();
                batch.add(event);
                position = event.trackingToken().position().orElse(position);
                if (batch.size() == batchSize || position >= lastPosition) {
                    batches.put(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            batches.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            batches.offer(END);
        }
    }

    /** The next batch, in event order; empty after the last one. */
    List<TrackedEventMessage<?>> next() {
        List<TrackedEventMessage<?>> batch;
        try {
            batch = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the event store", e);
        }
        if (batch.isEmpty() && failure != null) {
            throw new IllegalStateException("cannot read the event store: " + failure.getMessage(), failure);
        }
        return batch;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
