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
     * common, if any; each contract's versions in version order. Which versions are in force on a
     * month's first day changes only in the month a version starts or ends and the month after, so
     * those months are the only ones to look at.
     */
    public static Optional<YearMonth> firstSharedMonth(List<ContractDefinition> a, List<ContractDefinition> b) {
        List<ContractDefinition> both = new java.util.ArrayList<>(a);
        both.addAll(b);
        if (a.isEmpty() || b.isEmpty() || a.stream().flatMap(d -> d.hospitals().stream())
                .noneMatch(h -> b.stream().anyMatch(d -> d.hospitals().contains(h)))) {
            return Optional.empty();
        }
        java.util.SortedSet<YearMonth> candidates = new TreeSet<>();
        both.stream().flatMap(d -> java.util.stream.Stream.of(d.effectiveFrom(), d.effectiveTo()))
                .filter(java.util.Objects::nonNull).map(YearMonth::from)
                .forEach(m -> {
                    candidates.add(m);
                    candidates.add(m.plusMonths(1));
                });
        for (YearMonth month : candidates) {
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
