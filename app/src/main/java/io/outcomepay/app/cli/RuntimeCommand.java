package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** A command that needs the database and the application context for the length of its work. */
public abstract class RuntimeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (OutcomePayRuntime runtime = OutcomePayRuntime.start(false, Map.of(), needsKafka())) {
            return run(runtime);
        }
    }

    protected abstract int run(OutcomePayRuntime runtime);

    /** Whether the command talks to Kafka (the embedded broker is then started, or KAFKA_BOOTSTRAP_SERVERS used). */
    protected boolean needsKafka() {
        return false;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
