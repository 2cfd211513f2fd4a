package io.outcomepay.app.cli;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.app.operations.Operations;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

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
    private static final BigDecimal BASE_RATE = new BigDecimal("6500.00");

    @Override
    int run(OutcomePayRuntime runtime) {
        Clock clock = runtime.bean(Clock.class);
        JdbcTemplate jdbc = runtime.bean(JdbcTemplate.class);
        Operations operations = runtime.bean(Operations.class);
        String run = "S" + Long.toString(clock.millis(), 36).toUpperCase(Locale.ROOT);
        String contractId = run + "-C";
        Path dir = runtime.homeDirectory().resolve("bench").resolve(run);
        out().println("bench settle " + run + ": " + encounters + " encounters over " + hospitals + " hospitals in "
                + MONTH + ", heap max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cores; " + runtime.databaseDescription());
        List<String> hospitalIds = IntStream.rangeClosed(1, hospitals)
                .mapToObj(i -> String.format(Locale.ROOT, "%s-H%03d", run, i)).toList();
        operations.createContract(ContractYaml.read(new ByteArrayInputStream(contract(contractId, hospitalIds)
                .getBytes(StandardCharsets.UTF_8)), contractId + ".yaml"));
        runtime.bean(ReadModelCatchUp.class).await();
        Map<String, BigDecimal> weights = new java.util.TreeMap<>();
        jdbc.query("""
                select code, weight from baseline_entry_view
                where table_id = 'ms-drg-v43' and weight > 0
                  and version = (select max(version) from baseline_table_view where table_id = 'ms-drg-v43')""",
                rs -> {
                    weights.put(rs.getString(1), rs.getBigDecimal(2));
                });
        Path file = generate(dir.resolve("claims-" + run + ".csv"), run, hospitalIds, weights);

        long start = System.nanoTime();
        IngestReport report = operations.land(file, IngestingClaims.Listener.silent());
        double landed = (System.nanoTime() - start) / 1e9;
        runtime.bean(ReadModelCatchUp.class).await();
        out().printf(Locale.ROOT, "ingested %s: landed in %.1f s, read models and facts caught up in %.1f s%n",
                report.summary(), landed, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        jdbc.execute("vacuum analyze encounter_fact");
        out().printf(Locale.ROOT, "vacuum analyze encounter_fact: %.1f s (autovacuum does this after a bulk load)%n",
                (System.nanoTime() - start) / 1e9);

        SettlingPeriod settling = runtime.bean(SettlingPeriod.class);
        Object[] month = {contractId, MONTH.toString()};
        double bare = median(() -> jdbc.queryForList("""
                select hospital_id, count(*), sum(actual_minor) from encounter_fact
                where contract_id = ? and period = ? group by hospital_id""", month).size());
        SettlementResult[] setBased = new SettlementResult[1];
        double settled = median(() -> {
            setBased[0] = settling.calculate(contractId, MONTH, null, SettlingPeriod.Pricing.SET_BASED);
            return setBased[0].inPeriod();
        });
        start = System.nanoTime();
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

    private static String contract(String id, List<String> hospitals) {
        return """
                id: %s
                currency: USD
                insurer: INS-BENCH
                vendor: VENDOR-BENCH
                hospitals: [%s]
                baseline: { table: ms-drg-v43, base_rate: "6500.00" }
                effective_from: %s
                terms:
                  eligible: ai_assisted
                  minimum_savings_rate: "0.02"
                  sharing: first_dollar
                  cap_rate: "0.10"
                  outliers: { low: "0.40", high: "3.00" }
                  shares: { insurer: "0.50", hospital: "0.30", vendor: "0.20" }
                """.formatted(id, String.join(", ", hospitals), MONTH.atDay(1));
    }

    /**
     * Claims discharged in the month, spread evenly over the hospitals: a DRG of the table, the
     * allowed amount weight x base rate x a factor from 0.55 to 1.25 (one in a hundred far outside
     * the outlier bounds), 70% AI-assisted.
     */
    private Path generate(Path file, String run, List<String> hospitalIds, Map<String, BigDecimal> weights) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map.Entry<String, BigDecimal>> drgs = new ArrayList<>(weights.entrySet());
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("claim_id,hospital_id,patient_id,admit_date,discharge_date,drg,principal_dx,billed_amount,"
                        + "allowed_amount,paid_amount,currency,ai_service,ai_assisted,claim_frequency,original_claim_id\n");
                for (int i = 0; i < encounters; i++) {
                    String hospital = hospitalIds.get(i % hospitalIds.size());
                    Map.Entry<String, BigDecimal> drg = drgs.get(random.nextInt(drgs.size()));
                    int roll = random.nextInt(100);
                    double factor = roll == 0 ? 0.2 : roll == 1 ? 4.0 : 0.55 + random.nextDouble() * 0.70;
                    BigDecimal allowed = drg.getValue().multiply(BASE_RATE)
                            .multiply(BigDecimal.valueOf(Math.round(factor * 10_000)).movePointLeft(4))
                            .setScale(2, java.math.RoundingMode.HALF_UP);
                    LocalDate discharge = MONTH.atDay(1 + random.nextInt(MONTH.lengthOfMonth()));
                    boolean assisted = random.nextInt(10) < 7;
                    out.write(String.join(",", run + "-" + i, hospital, run + "-P" + i, discharge.minusDays(3).toString(),
                            discharge.toString(), drg.getKey(), "J18.9", allowed.add(allowed).toPlainString(),
                            allowed.toPlainString(), allowed.toPlainString(), "USD", assisted ? "sepsis-watch" : "",
                            Boolean.toString(assisted), "original", ""));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
