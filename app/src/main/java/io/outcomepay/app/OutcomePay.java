package io.outcomepay.app;

import io.outcomepay.app.cli.BaselineCommand;
import io.outcomepay.app.cli.ContractCommand;
import io.outcomepay.app.cli.DeadLettersCommand;
import io.outcomepay.app.cli.ProcessorsCommand;
import io.outcomepay.app.cli.DemoCommand;
import io.outcomepay.app.cli.IngestCommand;
import io.outcomepay.app.cli.MoreCommands;
import io.outcomepay.app.cli.ServeCommand;
import io.outcomepay.app.cli.SettleCommand;
import io.outcomepay.app.cli.SettleTotalsCommand;
import io.outcomepay.app.cli.ReplayCommand;
import io.outcomepay.app.cli.ReportCommand;
import io.outcomepay.app.cli.StatsCommand;
import io.outcomepay.app.cli.VerifyCommand;
import io.outcomepay.app.cli.PeriodCommand;
import io.outcomepay.app.cli.LedgerCommand;
import io.outcomepay.app.cli.InvoicesCommand;
import io.outcomepay.app.cli.PaymentsCommand;
import io.outcomepay.app.cli.UsageCommand;
import io.outcomepay.app.cli.ReconcileCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: every command starts what it needs, does its work and exits. */
@Command(name = "outcomepay", mixinStandardHelpOptions = true, version = "OutcomePay 0.1.0",
        description = "Outcome-based billing for AI services in healthcare: claims in, savings settled, shares out.",
        subcommands = {DemoCommand.class, IngestCommand.class, ContractCommand.class, SettleCommand.class,
                PeriodCommand.class, LedgerCommand.class, InvoicesCommand.class, PaymentsCommand.class, UsageCommand.class, ReconcileCommand.class,
                SettleTotalsCommand.class, StatsCommand.class, ReportCommand.class, ReplayCommand.class, VerifyCommand.class, BaselineCommand.class, DeadLettersCommand.class, ProcessorsCommand.class, ServeCommand.class})
public class OutcomePay implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new OutcomePay());
        for (MoreCommands more : java.util.ServiceLoader.load(MoreCommands.class)) {
            more.commands().forEach(commandLine::addSubcommand);
        }
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("outcomepay: error: " + oneLine(e));
            return 1;
        });
        return commandLine.execute(args);
    }

    /** The root cause's message on one line: what a user needs to act on. */
    public static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && isWrapper(cause)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String line = message.replaceAll("\\s*\\R\\s*", " ").strip();
        // A database batch error quotes every statement of the batch: the start and the end say what failed.
        return line.length() <= 1200 ? line : line.substring(0, 600) + " ... " + line.substring(line.length() - 600);
    }

    /** Framework exceptions that only wrap the cause a user can act on. */
    private static boolean isWrapper(Throwable e) {
        String name = e.getClass().getName();
        return e.getMessage() == null || name.startsWith("org.springframework.") || name.startsWith("org.axonframework.")
                || name.startsWith("java.lang.reflect.") || name.startsWith("java.util.concurrent.");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
