package io.outcomepay.billing.contract.application;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.ContractInForce;
import io.outcomepay.billing.contract.api.ContractCommands.AmendContract;
import io.outcomepay.billing.contract.api.ContractCommands.CreateContract;
import io.outcomepay.billing.contract.api.ContractDefinition;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Defining a contract: creating it (its version 1), or amending it (a new version in force from
 * its effective date). The same definition again records nothing (unchanged). No two contracts
 * answer for the same payer at a hospital in a month (so one insurer has at most one contract on a
 * hospital in a month): a definition that would make two is refused, naming both contracts, the
 * payer, the hospital and the month.
 */
public class DefiningContract {

    /**
     * Port: as projected now, in version order, by contract id, the versions of this contract and
     * of every contract one of whose versions covers one of these hospitals.
     */
    public interface ContractVersions {
        Map<String, List<ContractDefinition>> covering(String contractId, List<String> hospitals);
    }

    /** A definition that would give one insurer two contracts on a hospital in a month. */
    public static class OverlappingContracts extends IllegalArgumentException {
        public OverlappingContracts(String message) {
            super(message);
        }
    }

    private final CommandGateway commands;
    private final ContractVersions contracts;

    public DefiningContract(CommandGateway commands, ContractVersions contracts) {
        this.commands = commands;
        this.contracts = contracts;
    }

    public VersionOutcome create(ContractDefinition definition) {
        refuseOverlaps(definition, List.of(definition));
        return commands.sendAndWait(new CreateContract(definition.contractId(), definition));
    }

    public VersionOutcome amend(ContractDefinition definition) {
        Map<String, List<ContractDefinition>> all = contracts.covering(definition.contractId(), definition.hospitals());
        List<ContractDefinition> amended = new ArrayList<>(all.getOrDefault(definition.contractId(), List.of()));
        amended.add(definition);
        refuseOverlaps(definition, amended, all);
        return commands.sendAndWait(new AmendContract(definition.contractId(), definition));
    }

    private void refuseOverlaps(ContractDefinition definition, List<ContractDefinition> versions) {
        Map<String, List<ContractDefinition>> all = contracts.covering(definition.contractId(), definition.hospitals());
        if (all.containsKey(definition.contractId())) {
            return; // created already: the aggregate says whether this is the same definition or a conflict
        }
        refuseOverlaps(definition, versions, all);
    }

    /**
     * Refused when another contract answering for one of the same payers (an insurer's own
     * contracts all answer for it) covers one of the same hospitals in a month both are in force.
     */
    private static void refuseOverlaps(ContractDefinition definition, List<ContractDefinition> versions,
                                       Map<String, List<ContractDefinition>> all) {
        all.forEach((otherId, others) -> {
            if (otherId.equals(definition.contractId())
                    || others.stream().allMatch(o -> java.util.Collections.disjoint(o.payers(), definition.payers()))) {
                return;
            }
            Optional<YearMonth> month = ContractInForce.firstSharedMonth(versions, others);
            month.ifPresent(m -> {
                ContractDefinition other = ContractInForce.on(m.atDay(1), others, d -> d).orElseThrow();
                ContractDefinition own = ContractInForce.on(m.atDay(1), versions, d -> d).orElseThrow();
                String payer = own.payers().stream().filter(other.payers()::contains).findFirst().orElse(null);
                if (payer == null) {
                    return;
                }
                String hospital = other.hospitals().stream().filter(own.hospitals()::contains).findFirst().orElseThrow();
                throw new OverlappingContracts("contract " + definition.contractId() + " and contract " + otherId
                        + " both answer for payer " + payer + " at hospital " + hospital + " in " + m
                        + "; an encounter may be counted by one contract only");
            });
        });
    }
}
