package io.outcomepay.app.metrics;

import io.outcomepay.analytics.processing.ParkedEvents;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Health component {@code readModels}: UP, or PARKED when a read model has parked an event (reads
 * that need that read model are refused until it is retried or evicted), with the count per read
 * model and the oldest parked event as details (shown to signed-in users).
 */
@Component("readModels")
public class ReadModelsHealth implements HealthIndicator {

    /** Writes still land; reads of the read model at fault are refused: someone must look. */
    public static final Status PARKED = new Status("PARKED", "a read model has parked an event it could not handle");

    private final ParkedEvents parked;

    public ReadModelsHealth(ParkedEvents parked) {
        this.parked = parked;
    }

    @Override
    public Health health() {
        Map<String, Long> counts = parked.countByProcessor();
        if (counts.isEmpty()) {
            return Health.up().build();
        }
        Health.Builder health = Health.status(PARKED).withDetail("parked", counts);
        parked.first(counts.keySet()).ifPresent(first -> health.withDetail("oldest", first.describe())
                .withDetail("oldestId", first.id()));
        return health.build();
    }
}
