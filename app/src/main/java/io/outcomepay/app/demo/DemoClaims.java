package io.outcomepay.app.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, realistic month of inpatient claims for the demo and benchmarks: DRGs drawn with
 * frequency-like weights over MS-DRG v43 (the highest-volume Medicare DRGs boosted, the long tail
 * weighted by inverse cost), lengths of stay around each DRG's geometric mean, allowed amounts
 * dispersed around the DRG baseline (AI-assisted stays a little cheaper), a few outliers, about
 * half AI-assisted, then replacements, voids, claims at a hospital outside the contract, claims in
 * another currency and a handful of bad records. The same settings always give the same bytes
 * (java.util.Random and StrictMath are specified exactly).
 */
public final class DemoClaims {

    public static final List<String> HOSPITALS = List.of("H001", "H002", "H003");
    public static final String OUTSIDE_HOSPITAL = "H999";
    private static final String[] AI_SERVICES = {"sepsis-watch", "readmit-guard", "los-optimizer"};
    private static final String[] DIAGNOSES = {"A41.9", "I50.9", "J18.9", "M17.11", "N39.0", "J44.1", "I63.9",
            "K92.2", "E11.65", "I48.91", "I21.4", "K80.00"};
    /** Relative volume of the highest-volume Medicare inpatient DRGs. */
    private static final Map<String, Integer> HIGH_VOLUME = Map.ofEntries(
            Map.entry("871", 60), Map.entry("291", 45), Map.entry("470", 40), Map.entry("392", 25),
            Map.entry("690", 25), Map.entry("193", 22), Map.entry("683", 18), Map.entry("603", 18),
            Map.entry("189", 15), Map.entry("190", 15), Map.entry("378", 15), Map.entry("177", 12),
            Map.entry("065", 12), Map.entry("194", 12), Map.entry("872", 12), Map.entry("247", 10),
            Map.entry("292", 10), Map.entry("064", 9), Map.entry("280", 9), Map.entry("641", 8),
            Map.entry("682", 8), Map.entry("918", 7), Map.entry("312", 7), Map.entry("208", 6),
            Map.entry("314", 6), Map.entry("287", 6), Map.entry("853", 6), Map.entry("481", 6),
            Map.entry("460", 6), Map.entry("101", 5));
    private static final double TAIL_SHARE = 0.35;
    private static final double UNGROUPABLE_SHARE = 0.003;
    private static final List<String> HEADER = List.of("claim_id", "hospital_id", "patient_id", "admit_date",
            "discharge_date", "drg", "principal_dx", "billed_amount", "allowed_amount", "paid_amount", "currency",
            "ai_service", "ai_assisted", "claim_frequency", "original_claim_id", "payer_id");

    /**
     * @param baseRate the base rate the costs are dispersed around (the demo contract's)
     * @param idPrefix put before every claim id, so that separate runs (benchmarks) do not collide
     */
    public record Settings(long seed, int encounters, YearMonth month, BigDecimal baseRate, String idPrefix) {
        public Settings(long seed, int encounters, YearMonth month, BigDecimal baseRate) {
            this(seed, encounters, month, baseRate, "");
        }
    }

    private record Drg(String code, double weight, double gmlos) {
    }

    private final Settings settings;
    private final Random random;
    private final List<Drg> drgs = new ArrayList<>();
    private double[] cumulative;

    private DemoClaims(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        loadDrgs();
    }

    public static void write(Path file, Settings settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new DemoClaims(settings).write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo claims " + file, e);
        }
    }

    private void write(Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader(HEADER.toArray(String[]::new)).get());
        List<List<String>> originals = new ArrayList<>();
        int[] sequence = new int[HOSPITALS.size() + 1];
        for (int i = 0; i < settings.encounters(); i++) {
            double h = random.nextDouble();
            int hospital = h < 0.45 ? 0 : h < 0.80 ? 1 : 2;
            originals.add(encounter(HOSPITALS.get(hospital), ++sequence[hospital], "USD"));
        }
        for (int i = 0; i < 40; i++) {
            originals.add(encounter(OUTSIDE_HOSPITAL, ++sequence[HOSPITALS.size()], "USD"));
        }
        for (int i = 0; i < 8; i++) {
            originals.add(encounter("H002", ++sequence[1], "EUR"));
        }
        List<List<String>> bad = badRows(originals);
        int spacing = Math.max(1, originals.size() / (bad.size() + 1));
        for (int i = 0; i < originals.size(); i++) {
            csv.printRecord(originals.get(i));
            if (i % spacing == spacing - 1 && i / spacing < bad.size()) {
                csv.printRecord(bad.get(i / spacing));
            }
        }
        Set<Integer> touched = new LinkedHashSet<>();
        int replacements = Math.max(1, settings.encounters() / 330);
        int voids = Math.max(1, settings.encounters() / 660);
        while (touched.size() < replacements + voids) {
            touched.add(random.nextInt(settings.encounters()));
        }
        int n = 0;
        for (int index : touched) {
            List<String> original = originals.get(index);
            List<String> row = new ArrayList<>(original);
            row.set(13, n < replacements ? "replacement" : "void");
            row.set(14, original.get(0));
            row.set(0, original.get(0) + (n < replacements ? "R" : "V"));
            if (n < replacements) {
                BigDecimal allowed = new BigDecimal(original.get(8));
                row.set(8, money(allowed.doubleValue() * uniform(0.85, 1.05)));
            }
            csv.printRecord(row);
            n++;
        }
        csv.flush();
    }

    private List<String> encounter(String hospital, int sequence, String currency) {
        Drg drg = drgs.get(pick());
        LocalDate discharge = settings.month().atDay(1 + random.nextInt(settings.month().lengthOfMonth()));
        long los = Math.max(1, Math.round(Math.max(drg.gmlos(), 1.0) * StrictMath.exp(0.35 * random.nextGaussian())));
        LocalDate admit = discharge.minusDays(los);
        boolean ai = random.nextDouble() < 0.5;
        double baseline = drg.weight() * settings.baseRate().doubleValue();
        double allowed;
        double u = random.nextDouble();
        if (baseline == 0) {
            allowed = uniform(5_000, 40_000);
        } else if (u < 0.012) {
            allowed = baseline * uniform(0.15, 0.38);
        } else if (u < 0.022) {
            allowed = baseline * uniform(3.1, 5.5);
        } else {
            allowed = baseline * StrictMath.exp((ai ? -0.07 : -0.01) + 0.2 * random.nextGaussian());
        }
        String allowedText = money(allowed);
        double allowedRounded = Double.parseDouble(allowedText);
        String claimId = String.format(Locale.ROOT, "%s%s-%s-%06d", settings.idPrefix(), hospital,
                settings.month().toString().replace("-", "").substring(2), sequence);
        String patient = "MRN" + (1_000_000 + random.nextInt(9_000_000));
        return Arrays.asList(claimId, hospital, patient, admit.toString(), discharge.toString(), drg.code(),
                DIAGNOSES[random.nextInt(DIAGNOSES.length)], money(allowedRounded * uniform(2.0, 3.4)), allowedText,
                money(allowedRounded * uniform(0.80, 0.96)), currency,
                ai ? AI_SERVICES[random.nextInt(AI_SERVICES.length)] : "", Boolean.toString(ai), "original", "",
                payer(hospital, sequence));
    }

    /**
     * The payer, from the claim's place (no random draw, so the other fields stay as before): at
     * H003, which a second insurer also contracts, every fourth claim is INS-2's and one in 25 names
     * no payer (left out of both contracts as payer_unknown); elsewhere INS-1, and one in 50 names
     * none (counted: only INS-1 has a contract there).
     */
    private static String payer(String hospital, int sequence) {
        if (hospital.equals("H003")) {
            return sequence % 4 == 0 ? "INS-2" : sequence % 25 == 7 ? "" : "INS-1";
        }
        return sequence % 50 == 7 ? "" : "INS-1";
    }

    /** One record for each kind of mistake the intake must catch. */
    private List<List<String>> badRows(List<List<String>> originals) {
        List<List<String>> bad = new ArrayList<>();
        String[][] edits = {
                {"3", "2026-01-32"},          // admit_date: not a date
                {"4", "1999-12-31"},          // discharge before admit
                {"8", "-125.00"},             // negative amount
                {"7", "12,500.00"},           // not a number
                {"5", "000"},                 // unknown DRG
                {"10", "USX"},                // not an ISO 4217 code
                {"12", "yes"},                // not a boolean
                {"2", ""},                    // patient id missing
                {"5", "87"},                  // DRG not three digits
                {"13", "adjustment"},         // unknown claim frequency
        };
        for (int i = 0; i < edits.length; i++) {
            List<String> row = new ArrayList<>(originals.get(random.nextInt(originals.size())));
            row.set(0, String.format(Locale.ROOT, "%sBAD-%02d", settings.idPrefix(), i + 1));
            row.set(Integer.parseInt(edits[i][0]), edits[i][1]);
            bad.add(row);
        }
        List<String> orphan = new ArrayList<>(originals.get(random.nextInt(originals.size())));
        orphan.set(0, settings.idPrefix() + "BAD-11");
        orphan.set(13, "replacement");
        orphan.set(14, orphan.get(1) + "-NEVER-SENT");
        bad.add(orphan);
        List<String> conflict = new ArrayList<>(originals.get(random.nextInt(originals.size() / 2)));
        conflict.set(8, new BigDecimal(conflict.get(8)).add(new BigDecimal("100.00")).toPlainString());
        bad.add(conflict);
        return bad;
    }

    private int pick() {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, u);
        return Math.min(index >= 0 ? index : -index - 1, cumulative.length - 1);
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static String money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private void loadDrgs() {
        try (InputStream in = DemoClaims.class.getResourceAsStream("/baselines/ms-drg-v43-fy2026-weights.csv")) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                drgs.add(new Drg(r.get("drg"), Double.parseDouble(r.get("weight")), Double.parseDouble(r.get("gmlos"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double top = 0;
        double tail = 0;
        for (Drg d : drgs) {
            if (HIGH_VOLUME.containsKey(d.code())) {
                top += HIGH_VOLUME.get(d.code());
            } else if (d.weight() > 0) {
                tail += StrictMath.pow(d.weight(), -1.3);
            }
        }
        double total = top / (1 - TAIL_SHARE - UNGROUPABLE_SHARE);
        long ungroupable = drgs.stream().filter(d -> d.weight() == 0).count();
        cumulative = new double[drgs.size()];
        double running = 0;
        for (int i = 0; i < drgs.size(); i++) {
            Drg d = drgs.get(i);
            if (HIGH_VOLUME.containsKey(d.code())) {
                running += HIGH_VOLUME.get(d.code());
            } else if (d.weight() > 0) {
                running += total * TAIL_SHARE * StrictMath.pow(d.weight(), -1.3) / tail;
            } else {
                running += total * UNGROUPABLE_SHARE / ungroupable;
            }
            cumulative[i] = running;
        }
    }
}
