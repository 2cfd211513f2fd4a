package io.outcomepay.analytics.rebuild;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.postgresql.PGStatement;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads Axon's event table (domain_event_entry of the JDBC storage engine) from its start up to a
 * position in one query, on a connection and a thread of its own, and deserializes each batch's
 * payloads there through the configured serializer and upcasters: the replay writes one batch while the next ones
 * are read. Payloads come in PostgreSQL's binary format (no hex text to decode). A few batches are
 * read ahead at most. Each event carries its global index as its token; {@link #lastToken()} is the
 * token a tracking processor continues from, with the gaps behind the last event that Axon keeps
 * watching (positions of transactions not committed when the read started).
 */
final class EventReader implements AutoCloseable {

    private static final int AHEAD = 4;
    /** As Axon's JDBC storage engine: gaps further behind the head than this are given up. */
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final List<TrackedEventMessage<?>> END = List.of();
    static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, event_identifier, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private final Deque<Long> gaps = new ArrayDeque<>();
    private volatile long lastIndex = -1;
    private volatile RuntimeException failure;

    EventReader(DataSource dataSource, Serializer serializer, EventUpcaster upcasters, long lastPosition, int batchSize) {
        thread = new Thread(() -> read(dataSource, serializer, upcasters, lastPosition, batchSize), "replay-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(DataSource dataSource, Serializer serializer, EventUpcaster upcasters, long lastPosition,
                      int batchSize) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                    + " from domain_event_entry where global_index <= ? order by global_index")) {
                // binary results from the first execution: bytea as bytes, not hex text
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                statement.setFetchSize(batchSize);
                statement.setLong(1, lastPosition);
                try (ResultSet rs = statement.executeQuery()) {
                    List<TrackedEventData<?>> batch = new ArrayList<>(batchSize);
                    while (rs.next()) {
                        long index = rs.getLong(1);
                        noteGapsBefore(index);
                        batch.add(entry(rs));
                        if (batch.size() == batchSize) {
                            batches.put(deserialize(batch, serializer, upcasters));
                            batch = new ArrayList<>(batchSize);
                        }
                    }
                    if (!batch.isEmpty()) {
                        batches.put(deserialize(batch, serializer, upcasters));
                    }
                }
            } finally {
                connection.rollback();
            }
            batches.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            failure = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
            batches.clear();
            batches.offer(END);
        }
    }

    /** The positions skipped before this one that are recent enough for Axon to keep watching. */
    private void noteGapsBefore(long index) {
        for (long missing = Math.max(lastIndex + 1, index - MAX_GAP_OFFSET); missing < index; missing++) {
            gaps.addLast(missing);
        }
        while (!gaps.isEmpty() && gaps.peekFirst() < index - MAX_GAP_OFFSET) {
            gaps.removeFirst();
        }
        lastIndex = index;
    }

    /** One row of the event table, as the JDBC storage engine makes it. */
    static TrackedEventData<?> entry(ResultSet rs) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong(1)),
                new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)));
    }

    /**
     * Upcast, and the payloads deserialized here so the handlers find them ready; metadata stays
     * serialized until a handler asks for it (few do).
     */
    static List<TrackedEventMessage<?>> deserialize(List<TrackedEventData<?>> batch, Serializer serializer,
                                                    EventUpcaster upcasters) {
        List<TrackedEventMessage<?>> events = new ArrayList<>(batch.size());
        EventUtils.upcastAndDeserializeTrackedEvents(batch.stream(), serializer, upcasters).forEach(event -> {
            event.getPayload();
            events.add(event);
        });
        return events;
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

    /** After the last batch: where a tracking processor goes on from, or null when no event was read. */
    GapAwareTrackingToken lastToken() {
        return lastIndex < 0 ? null : GapAwareTrackingToken.newInstance(lastIndex, List.copyOf(gaps));
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
