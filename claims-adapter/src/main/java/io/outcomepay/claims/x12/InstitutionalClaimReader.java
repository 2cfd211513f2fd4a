package io.outcomepay.claims.x12;

import io.outcomepay.billing.limits.Decimals;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.Rejection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Streams an X12 837I (005010X223A2) one claim (CLM) at a time: billing provider NPI (NM1*85) as
 * the hospital, subscriber or patient id (NM1*IL / NM1*QC) pseudonymized, admission (DTP*435),
 * statement period (DTP*434, its end is the discharge), principal diagnosis (HI ABK/BK), DRG (HI
 * DR), total charge (CLM02), frequency CLM05-3: 7 replaces and 8 voids the claim named in REF*F8
 * (taken as that claim's CLM01 as the hospital sent it).
 * An 837 carries no allowed amount: the claim counts at its charge until a remittance (835) gives
 * the payer's. Other-payer loops (after SBR inside a claim) are not the claim's own.
 */
public final class InstitutionalClaimReader extends X12ClaimReader {

    private static final java.util.Currency USD = java.util.Currency.getInstance("USD");
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private final Predicate<String> knownDrg;
    private final Pseudonymizer pseudonymizer;
    private String hospital;
    private String subscriber;
    private String patient;
    private String payer;
    private Claim pending;

    private InstitutionalClaimReader(String sourceName, InputStream in, long totalBytes, Predicate<String> knownDrg,
                                     Pseudonymizer pseudonymizer) {
        super(sourceName, in, totalBytes);
        this.knownDrg = knownDrg;
        this.pseudonymizer = pseudonymizer;
    }

    public static InstitutionalClaimReader open(Path file, Predicate<String> knownDrg, Pseudonymizer pseudonymizer) {
        try {
            return new InstitutionalClaimReader(file.getFileName().toString(), Files.newInputStream(file),
                    Files.size(file), knownDrg, pseudonymizer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @param totalBytes the stream's length for progress reporting, or -1 */
    public static InstitutionalClaimReader of(String sourceName, InputStream in, long totalBytes,
                                              Predicate<String> knownDrg, Pseudonymizer pseudonymizer) {
        return new InstitutionalClaimReader(sourceName, in, totalBytes, knownDrg, pseudonymizer);
    }

    private static final class Claim {
        final X12Segments.Segment clm;
        final String hospital;
        final String patient;
        final String payer;
        String admission;
        String statement;
        String original;
        String principalDx;
        String drg;
        boolean otherPayer;

        Claim(X12Segments.Segment clm, String hospital, String patient, String payer) {
            this.clm = clm;
            this.hospital = hospital;
            this.patient = patient;
            this.payer = payer;
        }
    }

    @Override
    void segment(X12Segments.Segment s) {
        switch (s.tag()) {
            case "ST" -> {
                flush();
                if (!"837".equals(s.at(1))) {
                    throw new IllegalArgumentException(sourceName() + " segment " + s.number() + ": transaction set "
                            + s.at(1) + " is not an 837 claim");
                }
            }
            case "HL" -> {
                flush();
                if ("20".equals(s.at(3))) {
                    hospital = null;
                }
                if ("20".equals(s.at(3)) || "22".equals(s.at(3))) {
                    payer = null;
                }
                if (!"23".equals(s.at(3))) {
                    patient = null;
                }
            }
            case "NM1" -> {
                if (pending == null) {
                    switch (s.at(1)) {
                        case "85" -> hospital = blankToNull(s.at(9));
                        case "IL" -> subscriber = blankToNull(s.at(9));
                        case "QC" -> patient = blankToNull(s.at(9));
                        // loop 2010BB: the subscriber's payer (an other payer's NM1*PR follows the CLM)
                        case "PR" -> payer = blankToNull(s.at(9));
                        default -> {
                            // submitter, receiver and other names are not the claim's parties
                        }
                    }
                }
            }
            case "CLM" -> {
                flush();
                pending = new Claim(s, hospital, patient != null ? patient : subscriber, payer);
            }
            case "SBR" -> {
                if (pending != null) {
                    pending.otherPayer = true;
                }
            }
            case "DTP" -> {
                if (pending != null && !pending.otherPayer) {
                    if ("435".equals(s.at(1))) {
                        pending.admission = s.at(3);
                    } else if ("434".equals(s.at(1))) {
                        pending.statement = s.at(3);
                    }
                }
            }
            case "REF" -> {
                if (pending != null && !pending.otherPayer && "F8".equals(s.at(1))) {
                    pending.original = blankToNull(s.at(2));
                }
            }
            case "HI" -> {
                if (pending != null) {
                    for (int i = 1; i <= s.elements().size(); i++) {
                        String qualifier = s.component(i, 1);
                        String code = s.component(i, 2);
                        if ("ABK".equals(qualifier) || "BK".equals(qualifier)) {
                            pending.principalDx = code;
                        } else if ("DR".equals(qualifier)) {
                            pending.drg = code;
                        }
                    }
                }
            }
            case "SE", "GE", "IEA" -> flush();
            default -> {
                // service lines, addresses and the rest are not needed for settlement
            }
        }
    }

    @Override
    void flush() {
        if (pending == null) {
            return;
        }
        Claim claim = pending;
        pending = null;
        try {
            ready.add(normalized(claim));
        } catch (InvalidValue invalid) {
            ready.add(new Rejection(sourceName(), claim.clm.number(), invalid.field(), invalid.reason(), claim.clm.text()));
        }
    }

    private NormalizedClaim normalized(Claim claim) {
        if (claim.hospital == null) {
            throw new InvalidValue("NM1*85", "no billing provider id (NM109) before the claim");
        }
        String claimId = claim.clm.at(1);
        if (claimId.isBlank()) {
            throw new InvalidValue("CLM01", "is empty");
        }
        String frequency = claim.clm.component(5, 3);
        SourceRef source = new SourceRef(sourceName(), claim.clm.number());
        if ("8".equals(frequency)) {
            return new NormalizedClaim.Void(claim.hospital, claimId, original(claim, claimId), source);
        }
        if (claim.patient == null) {
            throw new InvalidValue("NM1*IL", "no subscriber or patient id (NM109)");
        }
        BigDecimal billed = Decimals.amount("CLM02", claim.clm.at(2), USD);
        if (claim.admission == null) {
            throw new InvalidValue("DTP*435", "the admission date is missing");
        }
        if (claim.statement == null) {
            throw new InvalidValue("DTP*434", "the statement period is missing");
        }
        LocalDate admitted = date("DTP*435", claim.admission.length() >= 8 ? claim.admission.substring(0, 8) : claim.admission);
        String to = claim.statement.contains("-") ? claim.statement.substring(claim.statement.indexOf('-') + 1)
                : claim.statement;
        LocalDate discharged = date("DTP*434", to);
        if (discharged.isBefore(admitted)) {
            throw new InvalidValue("DTP*434", "statement period ends " + discharged + ", before admission " + admitted);
        }
        if (claim.drg != null && !knownDrg.test(claim.drg)) {
            throw new InvalidValue("HI*DR", "unknown DRG '" + claim.drg + "'");
        }
        ClaimDetails details = new ClaimDetails(claimId, claim.hospital, pseudonymizer.pseudonym(claim.patient), admitted,
                discharged, claim.drg, claim.principalDx, billed, billed, BigDecimal.ZERO.setScale(2), "USD", null, false,
                null, claim.payer);
        return "7".equals(frequency)
                ? new NormalizedClaim.Replacement(original(claim, claimId), details, source)
                : new NormalizedClaim.Original(details, source);
    }

    private static String original(Claim claim, String claimId) {
        if (claim.original == null) {
            throw new InvalidValue("REF*F8", "frequency " + claim.clm.component(5, 3) + " needs the original claim in REF*F8");
        }
        if (claim.original.equals(claimId)) {
            throw new InvalidValue("REF*F8", "names the claim itself");
        }
        return claim.original;
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text, D8);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(field, "'" + text + "' is not a date CCYYMMDD");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
