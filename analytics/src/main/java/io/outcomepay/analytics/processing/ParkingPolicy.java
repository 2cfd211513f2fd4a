package io.outcomepay.analytics.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which failures park an event: those of the event itself (a value a table cannot hold, a handler
 * that cannot take it). A failure of the moment — the database unreachable, restarting, a
 * deadlock or serialization conflict, out of resources, another read model this one reads still
 * failing — parks nothing: it fails the batch, which the processor retries until the cause is gone.
 */
public class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** SQLSTATE classes of the moment: connection, transaction rollback, resources, operator intervention. */
    private static final Set<String> PASSING = Set.of("08", "40", "53", "57");

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (passing(cause)) {
            throw new PassingFailure(cause);
        }
        return Decisions.enqueue(cause);
    }

    static boolean passing(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.outcomepay.analytics.catchup.ReadModelCatchUp.ReadModelFailing) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && PASSING.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** A failure of the moment, rethrown so that the batch fails and is retried. */
    static final class PassingFailure extends RuntimeException {
        PassingFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
