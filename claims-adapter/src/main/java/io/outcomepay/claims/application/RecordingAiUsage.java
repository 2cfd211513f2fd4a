package io.outcomepay.claims.application;

import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.usage.api.AiUsage;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.intake.RejectionStore;
import io.outcomepay.claims.usage.UsageEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Recording a vendor's AI usage event (REST, Kafka, a replayed dead letter): an encounter it names
 * counts as AI-assisted from then on. The same event id with other content is a conflict, kept in
 * the dead-letter store with the event's JSON so that it can be replayed.
 */
public class RecordingAiUsage {

    /**
     * An event as sent, with its details already checked against the limits (UsageEvent.details).
     * @param source   what the event came in (the REST source, the Kafka topic and partition, a dead letter's file)
     * @param position its place there: index in the request, offset, line
     */
    public record RecordUsage(UsageEvent event, AiUsage.Details details, String source, long position) {
    }

    private final CommandGateway commands;
    private final RejectionStore deadLetters;
    private final JsonMapper json = JsonMapper.builder().build();

    public RecordingAiUsage(CommandGateway commands, RejectionStore deadLetters) {
        this.commands = commands;
        this.deadLetters = deadLetters;
    }

    public ClaimOutcome record(RecordUsage command) {
        return record(command, deadLetters);
    }

    /** As {@link #record(RecordUsage)}, a conflict going to the given store (a replay keeps it on its letter). */
    ClaimOutcome record(RecordUsage command, RejectionStore conflicts) {
        UsageEvent event = command.event();
        ClaimOutcome outcome = commands.sendAndWait(new AiUsage.RecordAiUsage(event.event_id(), command.details()));
        if (outcome == ClaimOutcome.CONFLICT) {
            conflicts.store(List.of(rejection(event, command.source(), command.position(), "event_id",
                    "conflict: usage event " + event.event_id() + " was already recorded with other content")));
        }
        return outcome;
    }

    /** A refused usage event, kept as its JSON so that it can be replayed. */
    private Rejection rejection(UsageEvent event, String source, long position, String field, String reason) {
        String text = json.writeValueAsString(event);
        return new Rejection(source, position, field, reason, text, Rejection.REPLAY_USAGE, text);
    }
}
