package io.outcomepay.analytics.rebuild;

import io.outcomepay.analytics.copy.CopyRows;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The first pass of a rebuild, when the large tables are loaded with no primary key and no index:
 * a projection appends the rows of new entities and defers every event that has to find a row it
 * wrote (a correction, a void, a re-pricing) with {@link #defer}. Deferred events are handed again,
 * in event order, only to the projection that deferred them, once the keys and indexes are built;
 * an entity's rows are all there by then, and its events keep their order.
 *
 * <p>New rows go with {@link #copy}: a thread of the load's own sends them to PostgreSQL, one COPY
 * after another in the order given, in the rebuild's transaction, while the projections go on with
 * the next events. A projection that reads a table being copied calls {@link #drain} first.
 */
public final class BulkLoad implements AutoCloseable {

    /** COPYs given and not yet sent at most: the memory of a few batches. */
    private static final int IN_FLIGHT = 2;

    static final String RESOURCE = BulkLoad.class.getName();

    private final List<Object> projections;
    private final JdbcTemplate jdbc;
    private final Set<Class<?>> seen = new HashSet<>();
    private long[] positions = new long[1024];
    private int[] deferredBy = new int[1024];
    private int size;

    private final Map<String, Object> cached = new HashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay-copy");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private volatile Throwable failure;
    private volatile boolean closed;

    BulkLoad(List<Object> projections, JdbcTemplate jdbc) {
        if (projections.size() > Integer.SIZE) {
            throw new IllegalArgumentException("at most " + Integer.SIZE + " projections");
        }
        this.projections = List.copyOf(projections);
        this.jdbc = jdbc;
    }

    /**
     * Copies the rows into the table after the copies given before, while the caller goes on (the
     * column types are read on the caller's thread, in the rebuild's transaction); waits while
     * {@value #IN_FLIGHT} are still to be sent. A failed copy fails the next call and {@link #drain}.
     */
    public void copy(CopyRows rows, String table, List<String> columns) {
        failIfACopyFailed();
        CopyRows.Copy copy = jdbc.execute((ConnectionCallback<CopyRows.Copy>) connection ->
                rows.prepare(connection, table, columns));
        inFlight.acquireUninterruptibly();
        sender.execute(() -> {
            try {
                if (failure == null && !closed) {
                    copy.send();
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                inFlight.release();
            }
        });
    }

    /** Waits until every copy given is in the tables. */
    public void drain() {
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
        failIfACopyFailed();
    }

    void failIfACopyFailed() {
        Throwable failed = failure;
        if (failed != null) {
            throw new IllegalStateException("replay: a bulk copy failed: " + failed.getMessage(), failed);
        }
    }

    /**
     * What a projection keeps from one batch of the load to the next (what it would otherwise read
     * again each batch), computed when missing.
     */
    @SuppressWarnings("unchecked")
    public <T> T cached(String key, Supplier<T> compute) {
        return (T) cached.computeIfAbsent(key, k -> compute.get());
    }

    /** Forgets what was kept under the key (it changed). */
    public void forget(String key) {
        cached.remove(key);
    }

    /** Copies not started are dropped (the transaction is failing); one being sent ends first. */
    @Override
    public void close() {
        closed = true;
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("replay: a bulk copy did not end in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bulk load this unit of work is a batch of, if it is one. */
    public static Optional<BulkLoad> of(UnitOfWork<?> unitOfWork) {
        return Optional.ofNullable((BulkLoad) unitOfWork.root().resources().get(RESOURCE));
    }

    /**
     * In a bulk load: this projection handles the unit of work's current event after the load, and
     * the answer is true; otherwise false, and the projection handles it now.
     */
    public static boolean deferredAfterTheLoad(Object projection, UnitOfWork<?> unitOfWork) {
        Optional<BulkLoad> bulk = of(unitOfWork);
        bulk.ifPresent(b -> b.defer(projection, (EventMessage<?>) unitOfWork.getMessage()));
        return bulk.isPresent();
    }

    /**
     * Whether an event with this payload type was handled so far in the load: before the one being
     * handled, or, as a batch commits, anywhere up to its end.
     */
    public boolean seenBefore(Class<?> payloadType) {
        return seen.contains(payloadType);
    }

    /** The projection handles this event again after the load instead of now. */
    public void defer(Object projection, EventMessage<?> event) {
        int index = indexOf(projection);
        long position = ((TrackedEventMessage<?>) event).trackingToken().position()
                .orElseThrow(() -> new IllegalArgumentException("an event with no position: " + event.getIdentifier()));
        if (size > 0 && positions[size - 1] == position) {
            deferredBy[size - 1] |= 1 << index;
            return;
        }
        if (size > 0 && positions[size - 1] > position) {
            throw new IllegalStateException("events deferred out of order: " + position + " after " + positions[size - 1]);
        }
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
            deferredBy = Arrays.copyOf(deferredBy, size * 2);
        }
        positions[size] = position;
        deferredBy[size] = 1 << index;
        size++;
    }

    private int indexOf(Object projection) {
        for (int i = 0; i < projections.size(); i++) {
            if (projections.get(i) == projection) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a projection of this rebuild: " + projection.getClass().getName());
    }

    /** After an event: its payload type counts as seen. */
    void handled(EventMessage<?> event) {
        seen.add(event.getPayloadType());
    }

    int deferred() {
        return size;
    }

    long position(int i) {
        return positions[i];
    }

    /** Whether the projection at this index deferred the i-th deferred event. */
    boolean deferredBy(int i, int projection) {
        return (deferredBy[i] & (1 << projection)) != 0;
    }
}
