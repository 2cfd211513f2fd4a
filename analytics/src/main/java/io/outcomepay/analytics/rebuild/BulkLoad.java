package io.outcomepay.analytics.rebuild;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first pass of a rebuild, when the large tables are loaded with no primary key and no index:
 * a projection appends the rows of new entities and defers every event that has to find a row it
 * wrote (a correction, a void, a re-pricing) with {@link #defer}. Deferred events are handed again,
 * in event order, only to the projection that deferred them, once the keys and indexes are built;
 * an entity's rows are all there by then, and its events keep their order.
 */
public final class BulkLoad {

    static final String RESOURCE = BulkLoad.class.getName();

    private final List<Object> projections;
    private final Set<Class<?>> seen = new HashSet<>();
    private long[] positions = new long[1024];
    private int[] deferredBy = new int[1024];
    private int size;

    BulkLoad(List<Object> projections) {
        if (projections.size() > Integer.SIZE) {
            throw new IllegalArgumentException("at most " + Integer.SIZE + " projections");
        }
        this.projections = List.copyOf(projections);
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

    /** Whether an event with this payload type came in an earlier batch of the pass. */
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

    /** After a batch: its payload types count as seen. */
    void handled(List<? extends EventMessage<?>> batch) {
        batch.forEach(event -> seen.add(event.getPayloadType()));
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
