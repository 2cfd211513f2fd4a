package io.outcomepay.billing.settlement;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who a contract month answers for, and whose AI it pays for.
 *
 * <ul>
 *   <li>It counts an encounter at its hospitals only when the encounter's payer is one of its
 *       {@code payers}; an encounter that names no payer it counts too, unless another insurer's
 *       contract covers that hospital in that month ({@code sharedHospitals}): then every contract
 *       leaves it out as {@code payer_unknown}, so no encounter is counted by two insurers.</li>
 *   <li>An encounter is AI-assisted for it when a usage event of one of its vendors names it (the
 *       first such vendor by id), or when its claim says so with a service listed for one of its
 *       vendors (the first by id), or, when it lists no services at all, whenever its claim says so
 *       (no vendor named).</li>
 * </ul>
 *
 * @param vendorServices each vendor it pays and the AI services listed for it (empty: none listed)
 */
public record ContractParties(Set<String> payers, Map<String, Set<String>> vendorServices, Set<String> sharedHospitals) {

    public ContractParties {
        payers = Set.copyOf(payers);
        SortedMap<String, Set<String>> vendors = new TreeMap<>();
        vendorServices.forEach((vendor, services) -> vendors.put(vendor, Set.copyOf(new TreeSet<>(services))));
        vendorServices = java.util.Collections.unmodifiableSortedMap(vendors);
        sharedHospitals = Set.copyOf(sharedHospitals);
    }

    /** Whether the encounter is this contract's to count (or to leave out as payer_unknown). */
    public boolean counts(EncounterLine line) {
        return line.payer() == null || payers.contains(line.payer());
    }

    /** Whether the encounter names no payer at a hospital another insurer's contract also covers this month. */
    public boolean payerUnknown(EncounterLine line) {
        return line.payer() == null && sharedHospitals.contains(line.hospitalId());
    }

    /** The line as this contract decides it: AI-assisted for it or not, and for which vendor. */
    public EncounterLine attribute(EncounterLine line) {
        for (String vendor : line.usageVendors()) {
            if (vendorServices.containsKey(vendor)) {
                return line.attributed(true, vendor);
            }
        }
        if (!line.aiAssisted()) {
            return line.attributed(false, null);
        }
        boolean listed = vendorServices.values().stream().anyMatch(services -> !services.isEmpty());
        if (!listed) {
            return line.attributed(true, null);
        }
        for (Map.Entry<String, Set<String>> vendor : vendorServices.entrySet()) {
            if (line.aiService() != null && vendor.getValue().contains(line.aiService())) {
                return line.attributed(true, vendor.getKey());
            }
        }
        return line.attributed(false, null);
    }
}
