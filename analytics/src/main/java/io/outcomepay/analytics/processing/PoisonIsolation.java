package io.outcomepay.analytics.processing;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the one event of a batch that a read model cannot take, so that it alone is parked.
 * <p>
 * Projections write a batch of 500 events in one transaction, most rows in one COPY when it
 * commits: fast, but a failure in PostgreSQL aborts the whole transaction and names no event.
 * After a batch of a processor rolls back, its next batch runs <em>isolated</em>: each handler
 * writes its rows at once, inside a savepoint, so a failing event is rolled back alone and its
 * exception reaches the dead-letter queue, which parks it (with the later events of its
 * aggregate) while the rest of the batch commits. The first isolated batch that commits ends it.
 * A dead letter's retry runs isolated too.
 */
public class PoisonIsolation implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(PoisonIsolation.class);
    private static final String WATCHED = PoisonIsolation.class.getName() + ".watched";
    private static final String ISOLATED = PoisonIsolation.class.getName() + ".isolated";

    private final DataSource dataSource;
    private final Set<String> isolating = ConcurrentHashMap.newKeySet();

    public PoisonIsolation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when the handlers of this unit of work's batch write each event at once, in a savepoint. */
    public static boolean isolated(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().resources().containsKey(ISOLATED);
    }

    /** Marks a unit of work (a dead letter's retry) as isolated. */
    public static void isolate(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(ISOLATED, Boolean.TRUE);
    }

    /** The interceptor of one processor: watches its batches and isolates the one after a rollback. */
    public MessageHandlerInterceptor<EventMessage<?>> watching(String processor) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            if (batch.resources().putIfAbsent(WATCHED, Boolean.TRUE) == null) {
                boolean isolatedBatch = isolating.contains(processor);
                if (isolatedBatch) {
                    isolate(batch);
                }
                batch.onRollback(u -> {
                    if (isolating.add(processor)) {
                        log.warn("read model '{}': a batch failed; the next one runs event by event to park the "
                                + "event at fault", processor);
                    }
                });
                batch.afterCommit(u -> {
                    if (isolatedBatch) {
                        isolating.remove(processor);
                    }
                });
            }
            return chain.proceed();
        };
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.canHandleMessageType(EventMessage.class)
                && original.annotationAttributes(EventHandler.class).isPresent()
                && original.annotationAttributes(EventSourcingHandler.class).isEmpty();
        return projection ? new InSavepoint<>(original) : original;
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        InSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!CurrentUnitOfWork.isStarted() || !isolated(CurrentUnitOfWork.get())) {
                return super.handle(message, target);
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    Object result = super.handle(message, target);
                    connection.releaseSavepoint(savepoint);
                    return result;
                } catch (Exception | Error e) {
                    connection.rollback(savepoint);
                    throw e;
                }
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
