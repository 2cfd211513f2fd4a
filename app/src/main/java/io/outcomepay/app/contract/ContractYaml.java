package io.outcomepay.app.contract;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.SettlementTerms;
import io.outcomepay.billing.settlement.totals.LossRate;
import io.outcomepay.billing.settlement.totals.MinimumRate;
import io.outcomepay.billing.settlement.totals.SharedSavingsPresets;
import io.outcomepay.billing.settlement.totals.SharedSavingsTerms;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a contract from YAML. Unknown keys are refused (a misspelt term must not fall back to a
 * default), and every error names the file and the key at fault.
 */
public final class ContractYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final String source;

    private ContractYaml(String source) {
        this.source = source;
    }

    public static ContractDefinition read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static ContractDefinition read(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        return new ContractYaml(source).definition(root);
    }

    private ContractDefinition definition(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("", "the document must be a mapping of contract fields");
        }
        only(root, "", Set.of("id", "currency", "insurer", "vendor", "hospitals", "baseline", "effective_from",
                "effective_to", "terms", "payers"));
        JsonNode baseline = object(root, "baseline");
        only(baseline, "baseline.", Set.of("kind", "table", "base_rate", "point_value", "institution_coefficients"));
        JsonNode terms = object(root, "terms");
        only(terms, "terms.", Set.of("preset", "eligible", "minimum_savings_rate", "minimum_loss_rate", "sharing",
                "max_share_rate", "minimum_quality_score", "withhold", "cap_rate", "loss_rate", "loss_cap_rate",
                "outliers", "shares"));
        JsonNode outliers = object(terms, "outliers");
        only(outliers, "terms.outliers.", Set.of("rule", "low", "high", "review"));
        JsonNode shares = object(terms, "shares");
        only(shares, "terms.shares.", Set.of("insurer", "hospital", "vendor", "vendors"));
        try {
            ContractDefinition definition = new ContractDefinition(text(root, "id"), text(root, "currency"),
                    text(root, "insurer"), text(root, "vendor"), hospitals(root),
                    baseline(baseline),
                    date(root, "effective_from", true), date(root, "effective_to", false),
                    terms(terms, outliers, shares), root.has("payers") ? ids(root, "payers", "payer ids") : null);
            io.outcomepay.billing.limits.Limits.contract(definition);
            return definition;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The terms: a preset's values (vendor-gainshare unless terms.preset names another), each
     * overridden by the key of the same name.
     */
    private SettlementTerms terms(JsonNode terms, JsonNode outliers, JsonNode shares) {
        String presetName = terms.has("preset") ? text(terms, "terms.preset") : SettlementTerms.DEFAULT_PRESET;
        SharedSavingsTerms preset = SharedSavingsPresets.named(presetName).orElseThrow(() -> error("terms.preset",
                "unknown preset '" + presetName + "' (known: " + SharedSavingsPresets.all().stream()
                        .map(SharedSavingsPresets.Preset::name).toList() + ")")).terms();
        // "table": the banded msr by the number of distinct patients settled in the month
        JsonNode msrNode = terms.get("minimum_savings_rate");
        boolean tableNamed = msrNode != null && msrNode.isString() && msrNode.asString().strip().equalsIgnoreCase("table");
        BigDecimal msr = tableNamed ? null : optionalDecimal(terms, "terms.minimum_savings_rate");
        String msrTable = null;
        if (tableNamed || (msr == null && preset.minimumSavingsRate() instanceof MinimumRate.Banded)) {
            msrTable = SharedSavingsPresets.MSSP_MSR_TABLE.name();
        } else if (msr == null && preset.minimumSavingsRate() instanceof MinimumRate.Fixed fixed) {
            msr = fixed.rate();
        }
        BigDecimal mlr = optionalDecimal(terms, "terms.minimum_loss_rate");
        SettlementTerms.LossTerms losses = losses(terms, preset);
        BigDecimal minimumQuality = terms.has("minimum_quality_score")
                ? optionalDecimal(terms, "terms.minimum_quality_score")
                : preset.qualityGate() ? preset.minimumQualityScore() : null;
        return new SettlementTerms(
                choice(terms, "terms.eligible", SettlementTerms.Eligibility.class),
                msr,
                terms.has("sharing") ? choice(terms, "terms.sharing", SettlementTerms.SharingMethod.class) : preset.sharing(),
                or(optionalDecimal(terms, "terms.cap_rate"), preset.savingsCapRate()),
                new SettlementTerms.OutlierBounds(decimal(outliers, "terms.outliers.low"),
                        decimal(outliers, "terms.outliers.high"),
                        outliers.has("rule") ? choice(outliers, "terms.outliers.rule", SettlementTerms.OutlierRule.class)
                                : SettlementTerms.OutlierRule.EXCLUDE,
                        optionalDecimal(outliers, "terms.outliers.review")),
                partyShares(shares),
                presetName, mlr,
                or(optionalDecimal(terms, "terms.max_share_rate"), preset.maxShareRate()),
                minimumQuality,
                or(optionalDecimal(terms, "terms.withhold"), preset.withhold()),
                losses, msrTable);
    }

    private ContractDefinition.BaselineReference baseline(JsonNode baseline) {
        Map<String, BigDecimal> coefficients = new LinkedHashMap<>();
        JsonNode listed = baseline.get("institution_coefficients");
        if (listed != null && !listed.isNull()) {
            if (!listed.isObject()) {
                throw error("baseline.institution_coefficients", "must map hospital ids to coefficients");
            }
            for (String hospital : listed.propertyNames()) {
                coefficients.put(hospital, decimal(listed, "baseline.institution_coefficients." + hospital));
            }
        }
        return new ContractDefinition.BaselineReference(text(baseline, "baseline.table"),
                optionalDecimal(baseline, "baseline.base_rate"),
                baseline.has("kind") ? text(baseline, "baseline.kind").toLowerCase(Locale.ROOT) : "drg",
                optionalDecimal(baseline, "baseline.point_value"), coefficients);
    }

    private SettlementTerms.LossTerms losses(JsonNode terms, SharedSavingsTerms preset) {
        BigDecimal cap = optionalDecimal(terms, "terms.loss_cap_rate");
        JsonNode rate = terms.get("loss_rate");
        if (rate != null && rate.isObject()) {
            only(rate, "terms.loss_rate.", Set.of("lowest", "highest"));
            return new SettlementTerms.LossTerms(null, decimal(rate, "terms.loss_rate.lowest"),
                    decimal(rate, "terms.loss_rate.highest"), cap);
        }
        if (rate != null && !rate.isNull()) {
            return new SettlementTerms.LossTerms(decimal(terms, "terms.loss_rate"), null, null, cap);
        }
        if (preset.lossRate() instanceof LossRate.Fixed fixed) {
            return new SettlementTerms.LossTerms(fixed.rate(), null, null, or(cap, preset.lossCapRate()));
        }
        if (preset.lossRate() instanceof LossRate.ComplementOfShare complement) {
            return new SettlementTerms.LossTerms(null, complement.lowest(), complement.highest(),
                    or(cap, preset.lossCapRate()));
        }
        if (cap != null || terms.has("minimum_loss_rate")) {
            throw error("terms.loss_rate", "is required for two-sided terms");
        }
        return null;
    }

    /**
     * The shares; each vendor of {@code vendors} maps to its share, or to {@code share} and the AI
     * {@code services} listed for it: {@code V1: "0.15"} or {@code V1: { share: "0.15", services: [seer-v3] }}.
     */
    private SettlementTerms.PartyShares partyShares(JsonNode shares) {
        Map<String, BigDecimal> vendors = new LinkedHashMap<>();
        Map<String, List<String>> services = new LinkedHashMap<>();
        JsonNode listed = shares.get("vendors");
        if (listed != null) {
            if (!listed.isObject() || listed.isEmpty()) {
                throw error("terms.shares.vendors", "must map each vendor id to its share");
            }
            for (String vendor : listed.propertyNames()) {
                String path = "terms.shares.vendors." + vendor;
                JsonNode entry = listed.get(vendor);
                if (entry.isObject()) {
                    only(entry, path + ".", Set.of("share", "services"));
                    if (!entry.has("share")) {
                        throw error(path + ".share", "is required: the vendor's share of the pool");
                    }
                    vendors.put(vendor, decimal(entry, path + ".share"));
                    if (entry.has("services")) {
                        services.put(vendor, ids(entry, path + ".services", "AI service names"));
                    }
                } else if (entry.isValueNode()) {
                    vendors.put(vendor, decimal(listed, path));
                } else {
                    throw error(path, "must be a share (\"0.15\") or { share: \"0.15\", services: [name, ...] }");
                }
            }
        }
        return new SettlementTerms.PartyShares(decimal(shares, "terms.shares.insurer"),
                decimal(shares, "terms.shares.hospital"), optionalDecimal(shares, "terms.shares.vendor"),
                vendors.isEmpty() ? null : vendors, services.isEmpty() ? null : services);
    }

    private static BigDecimal or(BigDecimal value, BigDecimal fallback) {
        return value != null ? value : fallback;
    }

    private BigDecimal optionalDecimal(JsonNode node, String path) {
        JsonNode value = node.get(leaf(path));
        return value == null || value.isNull() ? null : decimal(node, path);
    }

    private void only(JsonNode node, String prefix, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw error(prefix + name, "unknown key (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private JsonNode object(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isObject()) {
            throw error(key, "is required and must be a mapping");
        }
        return value;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private String text(JsonNode node, String path) {
        JsonNode value = node.get(leaf(path));
        if (value == null || value.isNull() || !value.isValueNode() || value.asString().isBlank()) {
            throw error(path, "is required");
        }
        return value.asString().strip();
    }

    private BigDecimal decimal(JsonNode node, String path) {
        JsonNode value = node.get(leaf(path));
        if (value == null || value.isNull()) {
            throw error(path, "is required");
        }
        try {
            // a YAML number is read as its text too: the limits are checked before any arithmetic
            return io.outcomepay.billing.limits.Decimals.TERM.parse(path, value.asString());
        } catch (io.outcomepay.billing.limits.InvalidValue invalid) {
            throw error(path, invalid.reason());
        }
    }

    private <E extends Enum<E>> E choice(JsonNode node, String path, Class<E> type) {
        String value = text(node, path);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw error(path, "'" + value + "' is not one of " + allowed);
        }
    }

    private LocalDate date(JsonNode node, String path, boolean required) {
        JsonNode value = node.get(leaf(path));
        if (value == null || value.isNull()) {
            if (required) {
                throw error(path, "is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.asString().strip());
        } catch (DateTimeParseException e) {
            throw error(path, "'" + value.asString() + "' is not a date YYYY-MM-DD");
        }
    }

    private List<String> hospitals(JsonNode root) {
        JsonNode value = root.get("hospitals");
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw error("hospitals", "is required: a list of hospital ids");
        }
        List<String> hospitals = new ArrayList<>();
        for (JsonNode h : value) {
            if (!h.isValueNode() || h.asString().isBlank()) {
                throw error("hospitals", "holds an empty or non-text entry");
            }
            hospitals.add(h.asString().strip());
        }
        return hospitals;
    }

    /** A list of ids under the key (its leaf when the path is dotted): each non-empty text, none twice. */
    private List<String> ids(JsonNode node, String path, String what) {
        JsonNode value = node.get(leaf(path));
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw error(path, "must be a list of " + what);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : value) {
            if (!id.isValueNode() || id.asString().isBlank()) {
                throw error(path, "holds an empty or non-text entry");
            }
            if (ids.contains(id.asString().strip())) {
                throw error(path, "lists '" + id.asString().strip() + "' twice");
            }
            ids.add(id.asString().strip());
        }
        return ids;
    }

    private IllegalArgumentException error(String key, String message) {
        return new IllegalArgumentException(source + ": " + (key.isEmpty() ? "" : key + ": ") + message);
    }
}
