package io.outcomepay.bench;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.cli.RuntimeCommand;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.SettlementResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

@Command(name = "settle", mixinStandardHelpOptions = true,
        description = {"Generate one month of claims over many hospitals under one contract, ingest them (CSV path,",
                "facts caught up) and measure, in one run on the same PostgreSQL: the reference, a bare SQL",
                "GROUP BY per hospital over the month's encounter facts; the set-based settlement of the month",
                "(SQL over the same facts, then the pool and its split); the in-memory engine over every line,",
                "whose fingerprint must be the same. Timings are the median of --repeat runs after one warm-up."})
class BenchSettleCommand extends RuntimeCommand {

    @Option(names = "--encounters", defaultValue = "1000000", description = "encounters in the month (default ${DEFAULT-VALUE})")
    int encounters;

    @Option(names = "--hospitals", defaultValue = "200", description = "hospitals of the contract (default ${DEFAULT-VALUE})")
    int hospitals;

    @Option(names = "--repeat", defaultValue = "5", description = "measured runs of each query (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the generated claims (default ${DEFAULT-VALUE})")
    long seed;

    private static final YearMonth MONTH = YearMonth.of(2031, 1);

    @Override
    protected int run(OutcomePayRuntime runtime) {
        String run = BenchMonth.start(runtime, out(), "settle", "S", MONTH, encounters, hospitals);
        String contractId = BenchMonth.create(runtime, out(), run, MONTH, encounters, hospitals, seed);

        SettlingPeriod settling = runtime.bean(SettlingPeriod.class);
        BenchTables tables = BenchTables.of(runtime);
        double bare = median(() -> tables.bareGroupBy(contractId, MONTH));
        SettlementResult[] setBased = new SettlementResult[1];
        double settled = median(() -> {
            setBased[0] = settling.calculate(contractId, MONTH, null, SettlingPeriod.Pricing.SET_BASED);
            return setBased[0].inPeriod();
        });
        long start = System.nanoTime();
        SettlementResult inMemory = settling.calculate(contractId, MONTH, null, SettlingPeriod.Pricing.IN_MEMORY);
        double inMemorySeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        SettlingPeriod.Settled recorded = settling.settle(contractId, MONTH, null);
        double recordSeconds = (System.nanoTime() - start) / 1e9;

        int lines = setBased[0].inPeriod();
        out().println();
        out().println("| measured (" + lines + " encounters, " + hospitals + " hospitals) | seconds | x reference |");
        out().println("|---|---:|---:|");
        out().printf(Locale.ROOT, "| reference: bare SQL GROUP BY hospital over the month's facts | %.3f | 1.00 |%n", bare);
        out().printf(Locale.ROOT, "| set-based settlement (SQL sums and digests, pool and split) | %.3f | %.2f |%n",
                settled, settled / bare);
        out().printf(Locale.ROOT, "| settle: set-based and recorded as a period revision (once) | %.3f | %.2f |%n",
                recordSeconds, recordSeconds / bare);
        out().printf(Locale.ROOT, "| in-memory engine over every line (once) | %.3f | %.2f |%n",
                inMemorySeconds, inMemorySeconds / bare);
        out().println("fingerprint set-based " + setBased[0].fingerprint());
        out().println("fingerprint in-memory " + inMemory.fingerprint());
        out().println("fingerprint recorded  " + recorded.result().fingerprint() + " (revision " + recorded.revision() + ")");
        boolean same = setBased[0].equals(inMemory) && recorded.result().equals(inMemory);
        out().println(same ? "identical results" : "RESULTS DIFFER");
        return same ? 0 : 1;
    }

    /** Median seconds of --repeat runs, after one warm-up run. */
    private double median(Supplier<Integer> query) {
        query.get();
        double[] seconds = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            query.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[repeat / 2];
    }
}
