package io.outcomepay.billing.encounter;

import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordEncounter;
import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records a run of original claims in one append. The Encounter aggregate's own rule decides
 * each claim; what the rule needs (the content hash of an encounter's recorded original) is read
 * for the whole run in one query instead of loading each encounter, and the new encounters'
 * first events are appended together. Must run inside the caller's transaction; claims are
 * decided in order, so a claim repeated within the run is a duplicate or a conflict of the first.
 */
public class RecordingEncounters {

    static final String AGGREGATE_TYPE = Encounter.class.getSimpleName();

    private final RecordedOriginals originals;
    private final EventStore eventStore;

    public RecordingEncounters(RecordedOriginals originals, EventStore eventStore) {
        this.originals = originals;
        this.eventStore = eventStore;
    }

    public List<ClaimOutcome> record(List<RecordEncounter> commands) {
        Set<String> ids = new LinkedHashSet<>();
        commands.forEach(c -> ids.add(c.encounterId()));
        Map<String, String> known = new HashMap<>(originals.originalSha256(ids));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        List<ClaimOutcome> outcomes = new ArrayList<>(commands.size());
        for (RecordEncounter command : commands) {
            ClaimOutcome outcome = Encounter.outcomeOfRecording(known.get(command.encounterId()), command);
            if (outcome == ClaimOutcome.RECORDED) {
                EncounterRecorded event = Encounter.recorded(command);
                events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, command.encounterId(), 0, event));
                known.put(command.encounterId(), command.claim().contentSha256());
            }
            outcomes.add(outcome);
        }
        if (!events.isEmpty()) {
            eventStore.publish(events);
        }
        return outcomes;
    }

    /** Reads, for many encounters at once, the content hash of each one's recorded original claim. */
    public interface RecordedOriginals {
        /** @return encounter id to hash, for those of the given ids that have been recorded */
        Map<String, String> originalSha256(Collection<String> encounterIds);
    }
}
