package io.outcomepay.analytics.processing;

import io.outcomepay.billing.limits.Counts;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Events a read model could not handle, parked in its processing group's dead-letter queue (Axon's
 * sequenced queue in {@code processor_dead_letter}) with the later events of the same aggregate:
 * listed, retried once the cause is fixed (in order, the sequence's first letter first; one that
 * fails again stays parked with its new cause), or evicted (the event is then never applied to
 * that read model; the later letters of its sequence stay parked until retried).
 */
public class ParkedEvents {

    /** The dead-letter table and its columns (Flyway's V12). */
    public static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("processor_dead_letter")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /** The processing groups of the read models, each with its dead-letter queue (the outbound publisher has none). */
    public static final List<String> READ_MODELS = List.of(
            io.outcomepay.analytics.encounters.EncounterProjection.GROUP,
            io.outcomepay.analytics.contracts.ContractProjection.GROUP,
            io.outcomepay.analytics.baselines.BaselineProjection.GROUP,
            io.outcomepay.analytics.usage.AiUsageProjection.GROUP,
            io.outcomepay.analytics.settlements.SettlementProjection.GROUP,
            io.outcomepay.analytics.ledger.LedgerProjection.GROUP,
            io.outcomepay.analytics.facts.EncounterFactProjection.GROUP);

    private static final String PARKED = """
            select dead_letter_id, processing_group, event_identifier, payload_type, aggregate_identifier,
                   sequence_number, sequence_index, cause_type, cause_message, enqueued_at
            from processor_dead_letter""";
    private static final org.springframework.jdbc.core.RowMapper<Parked> ROW = (rs, i) -> new Parked(rs.getString(1),
            rs.getString(2), rs.getString(3), simpleName(rs.getString(4)), rs.getString(5), (Long) rs.getObject(6),
            rs.getLong(7), cause(rs.getString(8), rs.getString(9)), rs.getString(10));

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    public ParkedEvents(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** One parked event: its letter id, read model, event, aggregate and why it failed. */
    public record Parked(String id, String processor, String eventId, String eventType, String aggregate,
                         Long aggregateSequence, long indexInSequence, String cause, String enqueuedAt) {
        /** One line for a user: which read model, which event, why. */
        public String describe() {
            return "read model '" + processor + "' parked event " + eventId + " (" + eventType
                    + (aggregate == null ? "" : " of " + aggregate + " #" + aggregateSequence) + "): " + cause;
        }
    }

    /** The parked events, oldest first, of one read model or (null) of all; at most limit. */
    public List<Parked> list(String processor, int limit) {
        Counts.LIST_LIMIT.check("limit", limit);
        return jdbc.query(PARKED + """
                 where (?::text is null or processing_group = ?)
                order by enqueued_at, processing_group, sequence_identifier, sequence_index limit ?""",
                ROW,
                processor, processor, limit);
    }

    /** How many events the read model has parked. */
    public long count(String processor) {
        Long count = jdbc.queryForObject("select count(*) from processor_dead_letter where processing_group = ?",
                Long.class, processor);
        return count == null ? 0 : count;
    }

    /** How many events each read model has parked (read models with none are absent). */
    public Map<String, Long> countByProcessor() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select processing_group, count(*) from processor_dead_letter group by processing_group order by 1",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The oldest event parked by one of these read models, if any. */
    public Optional<Parked> first(Collection<String> processors) {
        List<Parked> first = jdbc.query(PARKED + """
                 where processing_group = any (?)
                order by enqueued_at, sequence_index limit 1""",
                ROW,
                (Object) processors.toArray(String[]::new));
        return first.stream().findFirst();
    }

    /** What a retry did: sequences handled to their end, and the events still parked. */
    public record Retried(int sequencesHandled, List<Parked> stillParked) {
    }

    /**
     * Retries the sequences whose first letter is one of ids (none: every parked sequence of the
     * processor, or of every read model when processor is null), each in order.
     */
    public Retried retry(String processor, Collection<String> ids) {
        List<FirstLetter> firsts = jdbc.query("""
                select dead_letter_id, processing_group from processor_dead_letter d
                where (?::text is null or processing_group = ?)
                  and sequence_index = (select min(sequence_index) from processor_dead_letter f
                                        where f.processing_group = d.processing_group
                                          and f.sequence_identifier = d.sequence_identifier)
                order by enqueued_at""",
                (rs, i) -> new FirstLetter(rs.getString(1), rs.getString(2)), processor, processor);
        if (!ids.isEmpty()) {
            List<String> unknown = ids.stream().filter(id -> firsts.stream().noneMatch(p -> p.id().equals(id))).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("id: " + String.join(", ", unknown)
                        + " is not the first parked event of a sequence (list them with 'processors dead-letters list')");
            }
        }
        int handled = 0;
        for (FirstLetter first : firsts) {
            if (!ids.isEmpty() && !ids.contains(first.id())) {
                continue;
            }
            SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(first.processor())
                    .orElseThrow(() -> new IllegalStateException("read model '" + first.processor()
                            + "' has no dead-letter queue in this process"));
            UnitOfWork<?> isolated = DefaultUnitOfWork.startAndGet(null);
            PoisonIsolation.isolate(isolated);
            boolean done = isolated.executeWithResult(() -> letters.process(letter -> idOf(letter).equals(first.id())))
                    .getPayload();
            if (done) {
                handled++;
            }
        }
        return new Retried(handled, list(processor, Counts.LIST_LIMIT.max()));
    }

    /** The first parked letter of a sequence, which a retry names. */
    private record FirstLetter(String id, String processor) {
    }

    /** Removes one parked event for good: that read model never applies it. */
    public Parked evict(String id) {
        Parked parked = jdbc.query(PARKED + " where dead_letter_id = ?",
                ROW, id)
                .stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("id: no parked event " + id));
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(parked.processor())
                .orElseThrow(() -> new IllegalStateException("read model '" + parked.processor()
                        + "' has no dead-letter queue in this process"));
        String sequence = jdbc.queryForObject("select sequence_identifier from processor_dead_letter where dead_letter_id = ?",
                String.class, id);
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            if (idOf(letter).equals(id)) {
                queue.evict(letter);
                return parked;
            }
        }
        throw new IllegalArgumentException("id: no parked event " + id);
    }

    private static String idOf(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbcLetter ? jdbcLetter.getIdentifier() : "";
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private static String cause(String type, String message) {
        String line = message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.isEmpty() ? simpleName(type) : line;
    }
}
