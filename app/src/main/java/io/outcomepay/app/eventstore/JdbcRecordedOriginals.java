package io.outcomepay.app.eventstore;

import io.outcomepay.billing.encounter.RecordingEncounters;
import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the first event of many encounters in one query on the event store's unique
 * (aggregate_identifier, sequence_number) index, and deserializes it with the event serializer.
 */
public class JdbcRecordedOriginals implements RecordingEncounters.RecordedOriginals {

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;

    public JdbcRecordedOriginals(JdbcTemplate jdbc, Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public Map<String, String> originalSha256(Collection<String> encounterIds) {
        Map<String, String> found = new HashMap<>();
        if (encounterIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                        select aggregate_identifier, payload_type, payload_revision, payload from domain_event_entry
                        where aggregate_identifier = any (?) and sequence_number = 0""",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", encounterIds.toArray())),
                rs -> {
                    Object event = eventSerializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(4), byte[].class,
                            rs.getString(2), rs.getString(3)));
                    if (event instanceof EncounterRecorded recorded) {
                        found.put(rs.getString(1), recorded.claim().contentSha256());
                    }
                });
        return found;
    }
}
