package io.outcomepay.billing.usage;

import io.outcomepay.billing.StreamNamespace;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.usage.api.AiUsage.AiUsageRecorded;
import io.outcomepay.billing.usage.api.AiUsage.Details;
import io.outcomepay.billing.usage.api.AiUsage.RecordAiUsage;
import io.outcomepay.billing.limits.Limits;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One AI usage event, idempotent by its event id: the same event again is a duplicate, the same id
 * with other content a conflict. An encounter is AI-assisted when such an event names it, whether
 * the event comes before or after the claim.
 */
@Aggregate(commandTargetResolver = StreamNamespace.RESOLVER)
public class AiUsageEvent {

    /** The stream: usage:<event id>, or the bare event id of a stream stored before the namespaces. */
    @AggregateIdentifier
    private String streamId;
    private String eventId;
    private Details details;

    protected AiUsageEvent() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClaimOutcome handle(RecordAiUsage command) {
        Limits.usage(command.eventId(), command.details());
        if (eventId == null) {
            streamId = command.streamId();
            apply(new AiUsageRecorded(command.eventId(), command.details()));
            return ClaimOutcome.RECORDED;
        }
        return details.equals(command.details()) ? ClaimOutcome.DUPLICATE : ClaimOutcome.CONFLICT;
    }

    @EventSourcingHandler
    void on(AiUsageRecorded event, @SourceId String stream) {
        streamId = stream;
        eventId = event.eventId();
        details = event.details();
    }
}
