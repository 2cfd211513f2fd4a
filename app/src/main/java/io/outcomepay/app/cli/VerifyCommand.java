package io.outcomepay.app.cli;

import io.outcomepay.analytics.rebuild.VerifyingReadModels;
import io.outcomepay.app.OutcomePayRuntime;
import picocli.CommandLine.Command;

import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.auditing.VerifyingAuditChain;
import io.outcomepay.billing.audit.AuditChain;
import picocli.CommandLine.Option;

import java.time.Clock;

@Command(name = "verify", mixinStandardHelpOptions = true, description = "Check stored results against the event store.",
        subcommands = {VerifyCommand.Projections.class, VerifyCommand.Audit.class})
public class VerifyCommand extends ParentCommand {


    @Command(name = "projections", mixinStandardHelpOptions = true,
            description = {"Recompute from the event store the totals the read models hold (per hospital: encounters,",
                    "voided, sum of current allowed amounts; usage events; contract and baseline versions) and print",
                    "every difference, then every event a read model has parked. Exit code 1 when any differs (then",
                    "`replay` rebuilds them) or any event is parked (then `processors dead-letters`)."})
    static class Projections extends RuntimeCommand {

        @Override
        protected int run(OutcomePayRuntime runtime) {
            ProgressBar progress = new ProgressBar(out(), err(), runtime.bean(Clock.class));
            VerifyingReadModels.Verified verified;
            try {
                verified = runtime.bean(VerifyingReadModels.class).verify(read -> progress.progress(read, 0, -1));
            } finally {
                progress.done();
            }
            verified.differences().forEach(d -> out().println("DIFFERS " + d));
            verified.parked().forEach(p -> out().println("PARKED " + p.id() + " " + p.describe()));
            out().println(verified.events() + " events read; " + (verified.matches()
                    ? "the read models match the event store"
                    : verified.differences().size() + " totals differ, " + verified.parked().size()
                    + " events parked (processors dead-letters list | retry | evict)"));
            return verified.matches() ? 0 : 1;
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Recompute a contract month's audit chain from its stored events and compare it with every",
                    "hash they recorded and the head recorded at close. Exit code 1 when any event was altered."})
    static class Audit extends RuntimeCommand {
        @Option(names = "--contract", required = true, paramLabel = "ID", description = "contract id")
        String contractId;

        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "month")
        String period;

        @Override
        protected int run(OutcomePayRuntime runtime) {
            AuditChain.Verification v = runtime.bean(VerifyingAuditChain.class).verify(contractId, Months.parse("--period", period));
            v.problems().forEach(p -> out().println("ALTERED " + p));
            out().println(v.periodId() + ": " + v.events() + " events, chain head " + v.head()
                    + (v.closedHead() == null ? " (not closed)" : ", head recorded at close " + v.closedHead()) + ": "
                    + (v.intact() ? "intact" : v.problems().size() + " mismatches"));
            return v.intact() ? 0 : 1;
        }
    }
}
