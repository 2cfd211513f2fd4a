package io.outcomepay.billing.contract;

import io.outcomepay.billing.contract.api.ContractDefinition;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for which version of a contract applies on a day: of its versions, the latest whose
 * effective_from is on or before the day, if that version is still in force then (its effective_to,
 * if any, not passed). An amendment always takes effect after the version before it, so "latest"
 * is the last in version order. Settlement and the encounter facts both ask this.
 */
public final class ContractInForce {

    private ContractInForce() {
    }

    /** @param versions the contract's versions in version order */
    public static <T> Optional<T> on(LocalDate day, List<T> versions, Function<T, ContractDefinition> definition) {
        T latest = null;
        for (T version : versions) {
            if (!definition.apply(version).effectiveFrom().isAfter(day)) {
                latest = version;
            }
        }
        return Optional.ofNullable(latest).filter(v -> definition.apply(v).inForceOn(day));
    }
}
