package io.outcomepay.billing.baseline;

import io.outcomepay.billing.StreamNamespace;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.baseline.api.BaselineEntry;
import io.outcomepay.billing.baseline.api.BaselineTablePublished;
import io.outcomepay.billing.settlement.Fingerprint;
import io.outcomepay.billing.limits.Limits;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A versioned, effective-dated baseline table such as the MS-DRG v43 relative weights. */
@Aggregate(commandTargetResolver = StreamNamespace.RESOLVER)
public class BaselineTable {

    /** The stream: baseline:<table id>, or the bare id of a table stored before the namespaces. */
    @AggregateIdentifier
    private String streamId;
    private String tableId;
    private int version;
    private String contentSha256;
    private LocalDate effectiveFrom;

    protected BaselineTable() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VersionOutcome handle(PublishBaselineTable command) {
        Limits.baselineTable(command);
        validate(command.entries());
        String sha = contentSha256(command);
        if (tableId != null && sha.equals(contentSha256)) {
            return new VersionOutcome(version, false);
        }
        if (tableId != null && !command.effectiveFrom().isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("a new version of " + tableId + " must take effect after "
                    + effectiveFrom + ", not on " + command.effectiveFrom());
        }
        if (tableId == null) {
            streamId = command.streamId();
        }
        apply(new BaselineTablePublished(command.tableId(), version + 1, command.kind(), command.effectiveFrom(),
                command.source(), sha, command.entries()));
        return new VersionOutcome(version, true);
    }

    private static void validate(List<BaselineEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a baseline table needs at least one entry");
        }
        Set<String> seen = new HashSet<>();
        for (BaselineEntry e : entries) {
            if (!seen.add(e.code())) {
                throw new IllegalArgumentException("code " + e.code() + " appears twice");
            }
            if (e.weight() == null || e.weight().signum() < 0) {
                throw new IllegalArgumentException("code " + e.code() + " has no valid weight");
            }
            if (e.meanCost() != null && e.meanCost().signum() <= 0) {
                throw new IllegalArgumentException("code " + e.code() + " has a mean cost that is not positive");
            }
        }
    }

    /** Fingerprint of a table's content: kind and entries in code order, weights without trailing zeros. */
    public static String contentSha256(PublishBaselineTable command) {
        return Fingerprint.sha256(command.kind() + "\n" + command.entries().stream()
                .sorted(Comparator.comparing(BaselineEntry::code))
                .map(e -> e.code() + "|" + (e.weight().signum() == 0 ? "0" : e.weight().stripTrailingZeros().toPlainString())
                        + "|" + e.title() + (e.meanCost() == null ? "" : "|" + e.meanCost().stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining("\n")));
    }

    @EventSourcingHandler
    void on(BaselineTablePublished event, @SourceId String stream) {
        streamId = stream;
        tableId = event.tableId();
        version = event.version();
        contentSha256 = event.contentSha256();
        effectiveFrom = event.effectiveFrom();
    }
}
