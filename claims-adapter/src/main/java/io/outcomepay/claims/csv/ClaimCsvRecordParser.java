package io.outcomepay.claims.csv;

import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.billing.limits.Decimals;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.limits.Limits;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static io.outcomepay.claims.csv.ClaimCsvColumns.*;

/**
 * Validates one CSV record and normalizes it. The first field at fault is reported by name; the
 * raw patient id is pseudonymized here and goes no further.
 */
public final class ClaimCsvRecordParser implements CsvDialect {

    private static final Pattern DRG_CODE = Pattern.compile("\\d{3}");

    private final Predicate<String> knownDrg;
    private final Predicate<String> knownDipGroup;
    private final Pseudonymizer pseudonymizer;

    public ClaimCsvRecordParser(Predicate<String> knownDrg, Predicate<String> knownDipGroup, Pseudonymizer pseudonymizer) {
        this.knownDrg = knownDrg;
        this.knownDipGroup = knownDipGroup;
        this.pseudonymizer = pseudonymizer;
    }

    /** The neutral format is the fallback: any header that is not another format's. */
    @Override
    public boolean recognizes(List<String> header) {
        return true;
    }

    @Override
    public String missingColumn(List<String> header) {
        return ClaimCsvColumns.ALL.stream().filter(c -> !header.contains(c)).findFirst().orElse(null);
    }

    @Override
    public String patientColumn(List<String> header) {
        return PATIENT_ID;
    }

    @Override
    public boolean allowsGb18030() {
        return false;
    }

    /** @throws InvalidValue naming the first field at fault */
    @Override
    public NormalizedClaim parse(Map<String, String> row, SourceRef source) {
        String claimId = id(row, CLAIM_ID);
        String hospitalId = id(row, HOSPITAL_ID);
        String frequency = required(row, CLAIM_FREQUENCY).toLowerCase(Locale.ROOT);
        String originalClaimId = optional(row, ORIGINAL_CLAIM_ID);
        switch (frequency) {
            case "original" -> {
                if (originalClaimId != null && !originalClaimId.equals(claimId)) {
                    throw new InvalidValue(ORIGINAL_CLAIM_ID, "must be empty for an original claim, was '"
                            + originalClaimId + "'");
                }
                return new NormalizedClaim.Original(details(row, claimId, hospitalId), source);
            }
            case "replacement" -> {
                return new NormalizedClaim.Replacement(reference(originalClaimId, claimId, frequency),
                        details(row, claimId, hospitalId), source);
            }
            case "void" -> {
                return new NormalizedClaim.Void(hospitalId, claimId, reference(originalClaimId, claimId, frequency), source);
            }
            default -> throw new InvalidValue(CLAIM_FREQUENCY,
                    "must be original, replacement or void, was '" + row.get(CLAIM_FREQUENCY) + "'");
        }
    }

    private static String reference(String originalClaimId, String claimId, String frequency) {
        if (originalClaimId == null) {
            throw new InvalidValue(ORIGINAL_CLAIM_ID, "is required for a " + frequency + " claim");
        }
        if (originalClaimId.equals(claimId)) {
            throw new InvalidValue(ORIGINAL_CLAIM_ID, "names the " + frequency + " claim itself");
        }
        return originalClaimId;
    }

    private ClaimDetails details(Map<String, String> row, String claimId, String hospitalId) {
        String patientId = required(row, PATIENT_ID);
        LocalDate admit = date(row, ADMIT_DATE);
        LocalDate discharge = date(row, DISCHARGE_DATE);
        if (discharge.isBefore(admit)) {
            throw new InvalidValue(DISCHARGE_DATE, "discharge " + discharge + " is before admission " + admit);
        }
        String dipGroup = optional(row, DIP_GROUP);
        if (dipGroup != null && !knownDipGroup.test(dipGroup)) {
            throw new InvalidValue(DIP_GROUP, "unknown DIP group '" + dipGroup + "'");
        }
        String drg = dipGroup == null ? required(row, DRG) : optional(row, DRG);
        if (drg != null && !DRG_CODE.matcher(drg).matches()) {
            throw new InvalidValue(DRG, "must be three digits, was '" + drg + "'");
        }
        if (drg != null && !knownDrg.test(drg)) {
            throw new InvalidValue(DRG, "unknown DRG '" + drg + "'");
        }
        String currencyCode = required(row, CURRENCY).toUpperCase(Locale.ROOT);
        Limits.currencyDigits(CURRENCY, currencyCode);
        Currency currency = Currency.getInstance(currencyCode);
        BigDecimal billed = amount(row, BILLED_AMOUNT, currency);
        BigDecimal allowed = amount(row, ALLOWED_AMOUNT, currency);
        BigDecimal paid = amount(row, PAID_AMOUNT, currency);
        boolean aiAssisted = bool(row, AI_ASSISTED);
        String aiService = optional(row, AI_SERVICE);
        if (aiAssisted && aiService == null) {
            throw new InvalidValue(AI_SERVICE, "is required when ai_assisted is true");
        }
        return new ClaimDetails(claimId, hospitalId, pseudonymizer.pseudonym(patientId), admit, discharge, drg,
                optional(row, PRINCIPAL_DX), billed, allowed, paid, currencyCode, aiService, aiAssisted, dipGroup,
                optional(row, PAYER_ID));
    }

    private static String required(Map<String, String> row, String column) {
        String value = optional(row, column);
        if (value == null) {
            throw new InvalidValue(column, "is empty");
        }
        return value;
    }

    private static String optional(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        value = value.strip();
        return value.isEmpty() ? null : value;
    }

    private static String id(Map<String, String> row, String column) {
        return io.outcomepay.billing.limits.Limit.CLAIM_ID.require(column, required(row, column));
    }

    private static LocalDate date(Map<String, String> row, String column) {
        String value = required(row, column);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(column, "'" + value + "' is not a date YYYY-MM-DD");
        }
    }

    private static BigDecimal amount(Map<String, String> row, String column, Currency currency) {
        return Decimals.amount(column, required(row, column), currency);
    }

    private static boolean bool(Map<String, String> row, String column) {
        String value = required(row, column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValue(column, "must be true or false, was '" + row.get(column) + "'");
        };
    }
}
