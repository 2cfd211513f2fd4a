package io.outcomepay.app.eventstore;

import io.outcomepay.billing.contract.api.ContractEvent;
import io.outcomepay.billing.encounter.api.EncounterEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Events stored before the parties were in the data (revision null) read as revision 2, never
 * rewritten: the claim, the replacement or the remittance of an encounter event gets
 * {@code payerId: null} (none named); a contract event's definition gets {@code payers: null} (it
 * answers for its insurer).
 */
@Component
@Order(1)
public class PayerUpcaster extends SingleEventUpcaster {

    private record Change(String revision, String object, String field) {
    }

    private static final Map<String, Change> CHANGES = Map.of(
            EncounterEvent.EncounterRecorded.class.getName(), new Change(EncounterEvent.REVISION, "claim", "payerId"),
            EncounterEvent.ClaimCorrected.class.getName(), new Change(EncounterEvent.REVISION, "replacement", "payerId"),
            EncounterEvent.ClaimAdjudicated.class.getName(), new Change(EncounterEvent.REVISION, "remittance", "payerId"),
            ContractEvent.ContractCreated.class.getName(), new Change(ContractEvent.REVISION, "definition", "payers"),
            ContractEvent.ContractAmended.class.getName(), new Change(ContractEvent.REVISION, "definition", "payers"));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getRevision() == null && CHANGES.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        Change change = CHANGES.get(event.getType().getName());
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), change.revision()),
                ObjectNode.class, payload -> {
                    if (payload.get(change.object()) instanceof ObjectNode carried && !carried.has(change.field())) {
                        carried.putNull(change.field());
                    }
                    return payload;
                });
    }
}
