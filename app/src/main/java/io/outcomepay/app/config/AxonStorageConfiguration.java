package io.outcomepay.app.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's event store and token store on PostgreSQL through the JDBC storage engine: payloads in
 * bytea (no large objects), the global index from a column sequence with increment 1, tables
 * created by Flyway (V1) with snake_case names.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("token_timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                // each tracking processor fetches this many events per query
                .batchSize(1000)
                .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .build();
    }

    /**
     * Jackson 3 refuses polymorphic types under {@code Object} by default; Axon's tracking tokens
     * (a ReplayToken wraps another token after a reset) need them. Only Axon's own types are allowed.
     * Dates are read by {@link IsoLocalDates}, objects made by {@link ReflectiveCreators}. Decimals
     * read into a JSON tree (an upcaster's) stay BigDecimal, so an upcast payload keeps every
     * amount's and rate's scale ("0.40" stays "0.40").
     */
    @Bean
    public Jackson3SerializerCustomizer axonTokenTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .build())
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .addModule(IsoLocalDates.module())
                .addModule(new ReflectiveCreators());
    }

    /**
     * The events' serializer: Axon's Jackson 3 serializer as its auto-configuration builds it (the
     * revision resolver, a chaining converter, the customizer above), remembering the class of each
     * payload and metadata type it resolves. Axon resolves it by name for every event it reads,
     * up to three times, and a replay reads millions.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver, Jackson3SerializerCustomizer customizer) {
        return new RememberingTypes(Jackson3Serializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(AxonStorageConfiguration.class.getClassLoader()))
                .jsonMapperBuilderCustomizer(customizer));
    }

    /** Jackson 3 serializer with each serialized type's class resolved once. */
    static final class RememberingTypes extends Jackson3Serializer {

        private final Map<TypeName, Class<?>> classes = new ConcurrentHashMap<>();

        RememberingTypes(Builder builder) {
            super(builder);
        }

        @Override
        public Class<?> classForType(SerializedType type) {
            TypeName name = new TypeName(type.getName(), type.getRevision());
            Class<?> known = classes.get(name);
            if (known == null) {
                known = super.classForType(type);
                classes.put(name, known);
            }
            return known;
        }

        /** By name and revision: not every SerializedType compares by value. */
        private record TypeName(String name, String revision) {
        }
    }

    /** Routes commands of namespaced aggregates to their streams, legacy bare ids included. */
    @Bean(io.outcomepay.billing.StreamNamespace.RESOLVER)
    public io.outcomepay.app.eventstore.NamespacedStreams namespacedStreams(
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new io.outcomepay.app.eventstore.NamespacedStreams(jdbc);
    }

    /** A projection that fails stops its processor (and is retried) instead of skipping the event. */
    @Bean
    public ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
