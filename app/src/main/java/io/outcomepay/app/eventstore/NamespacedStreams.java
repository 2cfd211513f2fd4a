package io.outcomepay.app.eventstore;

import io.outcomepay.billing.StreamNamespace;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stream a command of a namespaced aggregate (contract, baseline table, usage event) goes to:
 * its namespaced id, or the bare id of a stream stored before the namespaces (listed by the V12
 * migration in {@code legacy_stream}; no new bare stream is ever written, so that list only shrinks
 * in meaning: a primary-key lookup per command).
 */
public class NamespacedStreams implements CommandTargetResolver {

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();
    private final JdbcTemplate jdbc;

    public NamespacedStreams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotated.resolveTarget(command);
        String stream = target.getIdentifier();
        return StreamNamespace.containing(stream)
                .filter(namespace -> isLegacy(namespace, namespace.idIn(stream)))
                .map(namespace -> new VersionedAggregateIdentifier((Object) namespace.idIn(stream), target.getVersion()))
                .orElse(target);
    }

    private boolean isLegacy(StreamNamespace namespace, String bareId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from legacy_stream where aggregate_identifier = ? and type = ?)",
                Boolean.class, bareId, namespace.aggregateType()));
    }
}
