package io.outcomepay.billing.contract;

import io.outcomepay.billing.StreamNamespace;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractCommands.AmendContract;
import io.outcomepay.billing.contract.api.ContractCommands.CreateContract;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.contract.api.ContractEvent.ContractAmended;
import io.outcomepay.billing.contract.api.ContractEvent.ContractCreated;
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
 * A revenue-share contract between an insurer, a vendor and hospitals. Versions are appended,
 * never edited: an amendment is a new version in force from its own effective date.
 */
@Aggregate(commandTargetResolver = StreamNamespace.RESOLVER)
public class Contract {

    /** The stream: contract:<id>, or the bare id of a contract stored before the namespaces. */
    @AggregateIdentifier
    private String streamId;
    private String contractId;
    private int version;
    private ContractDefinition current;

    protected Contract() {
    }

    /** Creating the same contract again with identical content changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VersionOutcome handle(CreateContract command) {
        requireMatchingId(command.contractId(), command.definition());
        Limits.contract(command.definition());
        if (contractId == null) {
            streamId = command.streamId();
            apply(new ContractCreated(command.contractId(), 1, command.definition()));
            return new VersionOutcome(1, true);
        }
        if (version == 1 && current.equals(command.definition())) {
            return new VersionOutcome(version, false);
        }
        throw new ContractConflict("contract " + command.contractId()
                + " already exists with other content; use 'contract amend' for a new version");
    }

    @CommandHandler
    public VersionOutcome handle(AmendContract command) {
        requireMatchingId(command.contractId(), command.definition());
        Limits.contract(command.definition());
        if (current.equals(command.definition())) {
            return new VersionOutcome(version, false);
        }
        if (!command.definition().effectiveFrom().isAfter(current.effectiveFrom())) {
            throw new ContractConflict("amendment of " + contractId + " must take effect after "
                    + current.effectiveFrom() + " (version " + version + "), not on " + command.definition().effectiveFrom());
        }
        apply(new ContractAmended(contractId, version + 1, command.definition()));
        return new VersionOutcome(version, true);
    }

    private static void requireMatchingId(String target, ContractDefinition definition) {
        if (!target.equals(definition.contractId())) {
            throw new IllegalArgumentException("command for " + target + " carries contract " + definition.contractId());
        }
    }

    @EventSourcingHandler
    void on(ContractCreated event, @SourceId String stream) {
        streamId = stream;
        contractId = event.contractId();
        version = event.version();
        current = event.definition();
    }

    @EventSourcingHandler
    void on(ContractAmended event) {
        version = event.version();
        current = event.definition();
    }

    /** The command contradicts the contract's history. */
    public static class ContractConflict extends RuntimeException {
        public ContractConflict(String message) {
            super(message);
        }
    }
}
