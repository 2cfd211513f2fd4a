package io.outcomepay.app.config;

import io.outcomepay.analytics.processing.ParkedEvents;
import io.outcomepay.analytics.processing.ParkingPolicy;
import io.outcomepay.analytics.processing.PoisonIsolation;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * No event can stop a read model: each read model's processor parks an event it cannot handle in
 * its own dead-letter queue (Axon's sequenced queue, JDBC, table processor_dead_letter), with the
 * later events of the same aggregate, and goes on; {@link PoisonIsolation} finds the event at
 * fault when a batch's writes fail together.
 */
@Configuration(proxyBeanMethods = false)
public class ParkingConfiguration {

    /** Sequences (aggregates) a read model may park, and letters per sequence, before it stops instead. */
    private static final int MAX_SEQUENCES = 100_000;
    private static final int MAX_SEQUENCE_SIZE = 100_000;

    @Bean
    public PoisonIsolation poisonIsolation(DataSource dataSource) {
        return new PoisonIsolation(dataSource);
    }

    @Bean
    public ParkedEvents parkedEvents(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        return new ParkedEvents(jdbc, processing);
    }

    @Bean
    public ConfigurerModule parkUnhandledEvents(PoisonIsolation isolation,
                                                @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (String group : ParkedEvents.READ_MODELS) {
                processing.registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .connectionProvider(c.getComponent(ConnectionProvider.class))
                                .transactionManager(c.getComponent(TransactionManager.class))
                                .schema(ParkedEvents.SCHEMA)
                                .genericSerializer(c.serializer())
                                .eventSerializer(eventSerializer)
                                .maxSequences(MAX_SEQUENCES)
                                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                                .build())
                        .registerDeadLetterPolicy(group, c -> new ParkingPolicy())
                        // an event whose aggregate has nothing parked is handled without asking the table
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (c, builder) -> builder.enableSequenceIdentifierCache())
                        .registerHandlerInterceptor(group, c -> isolation.watching(group));
            }
        };
    }
}
