package io.outcomepay.billing;

import java.util.Optional;

/**
 * Each aggregate type's stream ids in a namespace of their own, so that no id a client chooses (a
 * usage event id, a contract or table id) can name another aggregate's stream: encounters are
 * UUIDs (no ':'), payments {@code payment:…}, invoice books {@code invoice-book:…}, months
 * {@code <contract id>@YYYY-MM} (contract ids hold no '@' or ':'), and the types below their prefix.
 * Streams stored before these namespaces keep their bare id; the command target resolver finds them.
 */
public enum StreamNamespace {
    CONTRACT("contract:", "Contract"),
    BASELINE_TABLE("baseline:", "BaselineTable"),
    AI_USAGE("usage:", "AiUsageEvent");

    /** The bean that resolves a command's stream, legacy bare ids included (the assembly provides it). */
    public static final String RESOLVER = "namespacedStreams";

    private final String prefix;
    private final String aggregateType;

    StreamNamespace(String prefix, String aggregateType) {
        this.prefix = prefix;
        this.aggregateType = aggregateType;
    }

    /** The stream id of the aggregate whose own id is {@code id}. */
    public String of(String id) {
        return prefix + id;
    }

    /** The type name Axon stores with the aggregate's events. */
    public String aggregateType() {
        return aggregateType;
    }

    /** The namespace of a stream id, when it has one of these prefixes. */
    public static Optional<StreamNamespace> containing(String streamId) {
        for (StreamNamespace namespace : values()) {
            if (streamId.startsWith(namespace.prefix)) {
                return Optional.of(namespace);
            }
        }
        return Optional.empty();
    }

    /** The aggregate's own id in a stream id of this namespace. */
    public String idIn(String streamId) {
        return streamId.substring(prefix.length());
    }
}
