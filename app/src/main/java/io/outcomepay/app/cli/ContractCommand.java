package io.outcomepay.app.cli;

import io.outcomepay.analytics.contracts.ContractCatalog;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.billing.contract.application.DefiningContract;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "contract", mixinStandardHelpOptions = true,
        description = "Create, amend and show revenue-share contracts (YAML).",
        subcommands = {ContractCommand.Create.class, ContractCommand.Amend.class, ContractCommand.Show.class,
                ContractCommand.ListContracts.class})
public class ContractCommand extends ParentCommand {


    /** Reads a contract YAML and hands it to the operation; prints the version it gave. */
    abstract static class FromFile extends RuntimeCommand {
        @Parameters(paramLabel = "FILE", description = "contract YAML")
        Path file;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            ContractDefinition definition = ContractYaml.read(file);
            VersionOutcome outcome = apply(runtime.bean(DefiningContract.class), definition);
            out().println("contract " + definition.contractId() + " version " + outcome.version() + result(definition, outcome));
            return 0;
        }

        abstract VersionOutcome apply(DefiningContract defining, ContractDefinition definition);

        abstract String result(ContractDefinition definition, VersionOutcome outcome);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a contract from a YAML file. Creating the same contract again changes nothing;",
                    "different content under an existing id is refused (use 'contract amend')."})
    static class Create extends FromFile {
        @Override
        VersionOutcome apply(DefiningContract defining, ContractDefinition definition) {
            return defining.create(definition);
        }

        @Override
        String result(ContractDefinition definition, VersionOutcome outcome) {
            return outcome.changed() ? " created" : " already exists with this content: unchanged";
        }
    }

    @Command(name = "amend", mixinStandardHelpOptions = true,
            description = {"Add a new version of a contract from a YAML file (same id), in force from its",
                    "effective_from (after the current version's). Earlier versions are kept as they were."})
    static class Amend extends FromFile {
        @Override
        VersionOutcome apply(DefiningContract defining, ContractDefinition definition) {
            return defining.amend(definition);
        }

        @Override
        String result(ContractDefinition definition, VersionOutcome outcome) {
            return outcome.changed() ? " added, in force from " + definition.effectiveFrom() : ": unchanged";
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show every version of a contract.")
    static class Show extends RuntimeCommand {
        @Parameters(paramLabel = "ID", description = "contract id")
        String contractId;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            List<ContractCatalog.Version> versions = runtime.bean(ContractCatalog.class).versions(contractId);
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("no contract " + contractId);
            }
            for (ContractCatalog.Version v : versions) {
                ContractDefinition d = v.definition();
                out().printf("%s version %d: %s, insurer %s, vendor %s, hospitals %s, baseline %s at %s, in force %s to %s%n",
                        d.contractId(), v.version(), d.currency(), d.insurer(), d.vendor(), d.hospitals(),
                        d.baseline().table(), d.baseline().baseRate().toPlainString(), d.effectiveFrom(),
                        d.effectiveTo() == null ? "open" : d.effectiveTo());
                out().printf("  terms: %s%n", d.terms());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List contract ids.")
    static class ListContracts extends RuntimeCommand {
        @Override
        protected int run(OutcomePayRuntime runtime) {
            runtime.bean(ContractCatalog.class).contractIds().forEach(out()::println);
            return 0;
        }
    }
}
