package io.outcomepay.billing.contract.application;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractCommands.AmendContract;
import io.outcomepay.billing.contract.api.ContractCommands.CreateContract;
import io.outcomepay.billing.contract.api.ContractDefinition;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Defining a contract: creating it (its version 1), or amending it (a new version in force from
 * its effective date). The same definition again records nothing (unchanged).
 */
public class DefiningContract {

    private final CommandGateway commands;

    public DefiningContract(CommandGateway commands) {
        this.commands = commands;
    }

    public VersionOutcome create(ContractDefinition definition) {
        return commands.sendAndWait(new CreateContract(definition.contractId(), definition));
    }

    public VersionOutcome amend(ContractDefinition definition) {
        return commands.sendAndWait(new AmendContract(definition.contractId(), definition));
    }
}
