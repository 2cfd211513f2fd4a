package io.outcomepay.billing.contract;

import io.outcomepay.billing.contract.api.ContractDefinition;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * The hospitals of {@code own} that a contract of another insurer also covers in the month (in
     * force on its first day): where an encounter that names no payer cannot be told apart.
     * @param others every other contract's versions, each in version order
     */
    public static Set<String> sharedWithOtherInsurers(ContractDefinition own, YearMonth period,
                                                      Collection<List<ContractDefinition>> others) {
        Set<String> shared = new TreeSet<>();
        for (List<ContractDefinition> versions : others) {
            on(period.atDay(1), versions, Function.identity())
                    .filter(other -> !other.insurer().equals(own.insurer()))
                    .ifPresent(other -> other.hospitals().stream().filter(own.hospitals()::contains).forEach(shared::add));
        }
        return shared;
    }

    /**
     * The first month in which both contracts are in force on its first day with a hospital in
     * common, if any; each contract's versions in version order. Past the last day any version
     * starts or ends, nothing changes, so the months up to it are enough to look at.
     */
    public static Optional<YearMonth> firstSharedMonth(List<ContractDefinition> a, List<ContractDefinition> b) {
        List<ContractDefinition> both = new java.util.ArrayList<>(a);
        both.addAll(b);
        YearMonth first = both.stream().map(d -> YearMonth.from(d.effectiveFrom())).min(YearMonth::compareTo).orElse(null);
        if (first == null) {
            return Optional.empty();
        }
        YearMonth last = both.stream().flatMap(d -> java.util.stream.Stream.of(d.effectiveFrom(), d.effectiveTo()))
                .filter(java.util.Objects::nonNull).map(YearMonth::from).max(YearMonth::compareTo).orElseThrow()
                .plusMonths(1);
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate day = month.atDay(1);
            Optional<ContractDefinition> x = on(day, a, Function.identity());
            Optional<ContractDefinition> y = on(day, b, Function.identity());
            if (x.isPresent() && y.isPresent() && x.get().hospitals().stream().anyMatch(y.get().hospitals()::contains)) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }
}
