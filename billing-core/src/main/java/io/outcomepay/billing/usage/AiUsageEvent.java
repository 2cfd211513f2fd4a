package io.outcomepay.billing.usage;

import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.usage.api.AiUsage.AiUsageRecorded;
import io.outcomepay.billing.usage.api.AiUsage.Details;
import io.outcomepay.billing.usage.api.AiUsage.RecordAiUsage;
import org.axonframework.commandhandling.CommandHandler;
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
@Aggregate
public class AiUsageEvent {

    @AggregateIdentifier
    private String eventId;
    private Details details;

    protected AiUsageEvent() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClaimOutcome handle(RecordAiUsage command) {
        if (eventId == null) {
            apply(new AiUsageRecorded(command.eventId(), command.details()));
            return ClaimOutcome.RECORDED;
        }
        return details.equals(command.details()) ? ClaimOutcome.DUPLICATE : ClaimOutcome.CONFLICT;
    }

    @EventSourcingHandler
    void on(AiUsageRecorded event) {
        eventId = event.eventId();
        details = event.details();
    }
}
