package io.outcomepay.bench;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.cli.RuntimeCommand;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.billing.contract.application.DefiningContract;
import io.outcomepay.claims.application.IngestingClaimFile;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** A generated month of claims under one contract over many hospitals, ingested: what the settle and report benchmarks measure on. */
final class BenchMonth {

    private static final BigDecimal BASE_RATE = new BigDecimal("6500.00");

    private BenchMonth() {
    }

    /** A run id from the clock (its claims' prefix), after printing what the benchmark measures on. */
    static String start(OutcomePayRuntime runtime, PrintWriter out, String bench, String prefix, YearMonth month,
                        int encounters, int hospitals) {
        String run = prefix + Long.toString(runtime.bean(java.time.Clock.class).millis(), 36).toUpperCase(Locale.ROOT);
        out.println("bench " + bench + " " + run + ": " + encounters + " encounters over " + hospitals + " hospitals in "
                + month + ", heap max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cores; " + runtime.databaseDescription());
        return run;
    }

    /** @return the contract's id; its hospitals are RUN-H001, RUN-H002... */
    static String create(OutcomePayRuntime runtime, PrintWriter out, String run, YearMonth month, int encounters,
                         int hospitals, long seed) {
        String contractId = run + "-C";
        Path dir = runtime.homeDirectory().resolve("bench").resolve(run);
        List<String> hospitalIds = IntStream.rangeClosed(1, hospitals)
                .mapToObj(i -> String.format(Locale.ROOT, "%s-H%03d", run, i)).toList();
        runtime.bean(DefiningContract.class).create(ContractYaml.read(new ByteArrayInputStream(contract(contractId, hospitalIds, month)
                .getBytes(StandardCharsets.UTF_8)), contractId + ".yaml"));
        runtime.bean(ReadModelCatchUp.class).await();
        Map<String, BigDecimal> weights = new java.util.TreeMap<>(
                runtime.bean(io.outcomepay.analytics.baselines.BaselineCatalog.class).latestWeights("ms-drg-v43"));
        weights.values().removeIf(w -> w.signum() <= 0);
        Path file = generate(dir.resolve("claims-" + run + ".csv"), run, month, encounters, seed, hospitalIds, weights);

        long start = System.nanoTime();
        IngestReport report = runtime.bean(IngestingClaimFile.class).ingest(
                new IngestingClaimFile.IngestFile(file, IngestingClaims.Listener.silent(), false));
        double landed = (System.nanoTime() - start) / 1e9;
        runtime.bean(ReadModelCatchUp.class).await();
        out.printf(Locale.ROOT, "ingested %s: landed in %.1f s, read models and facts caught up in %.1f s%n",
                report.summary(), landed, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        BenchTables.of(runtime).vacuumAnalyzeFacts();
        out.printf(Locale.ROOT, "vacuum analyze encounter_fact: %.1f s (autovacuum does this after a bulk load)%n",
                (System.nanoTime() - start) / 1e9);
        return contractId;
    }

    private static String contract(String id, List<String> hospitals, YearMonth month) {
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
                """.formatted(id, String.join(", ", hospitals), month.atDay(1));
    }

    /**
     * Claims discharged in the month, spread evenly over the hospitals: a DRG of the table, the
     * allowed amount weight x base rate x a factor from 0.55 to 1.25 (one in a hundred far outside
     * the outlier bounds), 70% AI-assisted.
     */
    private static Path generate(Path file, String run, YearMonth month, int encounters, long seed, List<String> hospitalIds,
                                 Map<String, BigDecimal> weights) {
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
                    LocalDate discharge = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
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
