package io.outcomepay.app.cli;

import io.outcomepay.app.totals.SettlingTotals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "settle-totals", mixinStandardHelpOptions = true,
        description = {"Settle participant totals from a CSV with no database (MSSP method; the auditor's check).",
                "Input columns: participant_id, preset, assigned, benchmark_total, expenditure_total, quality_score,",
                "and optionally msr, mlr, loss_cap, disaster_adjustment, withhold, currency (blank = the preset's rule,",
                "mlr blank = msr, quality_score blank = quality standard not met). Output, in input order:",
                "participant_id, savings, savings_rate, msr, generated, final_share_rate, earned, fingerprint.",
                "A bad row is reported with its line; the others still settle (exit code 1 if any row failed).",
                "--trace writes every step (formula, inputs, value) and the fingerprint of each row as JSON."})
public class SettleTotalsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "IN.csv", description = "participant totals")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "results")
    Path out;

    @Option(names = "--trace", paramLabel = "TRACE.json",
            description = "also write each participant's calculation, step by step, as JSON")
    Path trace;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(in)) {
            throw new IllegalArgumentException("cannot read " + in);
        }
        SettlingTotals.Outcome outcome;
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            outcome = SettlingTotals.settle(reader, writer, in.getFileName().toString());
        }
        if (trace != null) {
            Files.createDirectories(trace.toAbsolutePath().getParent());
            Files.writeString(trace, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(outcome.results()), StandardCharsets.UTF_8);
        }
        outcome.errors().forEach(e -> spec.commandLine().getErr().println(in.getFileName() + " " + e));
        spec.commandLine().getOut().println("settled " + outcome.results().size() + " rows into " + out
                + (outcome.errors().isEmpty() ? "" : "; " + outcome.errors().size() + " rows failed"));
        return outcome.errors().isEmpty() ? 0 : 1;
    }
}
