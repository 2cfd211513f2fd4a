package io.outcomepay.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.processing.ParkedEvents;
import io.outcomepay.claims.intake.IngestReport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Metrics at /actuator/metrics and /actuator/prometheus:
 * <ul>
 *   <li>{@code outcomepay.claims.ingested} (counter, tag outcome): records landed by every intake path
 *       (its rate is the ingest rate);</li>
 *   <li>{@code outcomepay.deadletters.open} (gauge): dead letters not yet replayed;</li>
 *   <li>{@code outcomepay.processor.lag} (gauge, tag processor): events stored but not yet handled by
 *       each tracking processor;</li>
 *   <li>{@code outcomepay.processor.deadletters} (gauge, tag processor): events each read model has parked
 *       (processors dead-letters list).</li>
 * </ul>
 */
@Component
public class IntakeMetrics {

    /** The outcomes an ingest report counts. */
    enum Outcome { RECORDED, DUPLICATE, CORRECTED, VOIDED, REMITTANCE, REJECTED }

    private final Map<Outcome, Counter> ingested = new EnumMap<>(Outcome.class);

    public IntakeMetrics(MeterRegistry registry, JdbcTemplate jdbc, EventProcessingConfiguration processing,
                         ReadModelCatchUp catchUp, ParkedEvents parked) {
        for (Outcome outcome : Outcome.values()) {
            ingested.put(outcome, Counter.builder("outcomepay.claims.ingested").tag("outcome", outcome.name().toLowerCase())
                    .description("claim records landed by the intake, by outcome").register(registry));
        }
        Gauge.builder("outcomepay.deadletters.open", jdbc,
                        j -> j.queryForObject("select count(*) from claim_dead_letter where status = 'open'", Long.class))
                .description("rejected records not yet replayed").register(registry);
        for (String readModel : ParkedEvents.READ_MODELS) {
            Gauge.builder("outcomepay.processor.deadletters", parked, p -> p.count(readModel)).tag("processor", readModel)
                    .description("events the read model could not handle, parked").register(registry);
        }
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("outcomepay.processor.lag", streaming, p -> lag(name, p, catchUp)).tag("processor", name)
                        .description("events stored and not yet handled by the processor").register(registry);
            }
        });
    }

    public void count(IngestReport report) {
        ingested.get(Outcome.RECORDED).increment(report.recorded());
        ingested.get(Outcome.DUPLICATE).increment(report.duplicate());
        ingested.get(Outcome.CORRECTED).increment(report.corrected());
        ingested.get(Outcome.VOIDED).increment(report.voided());
        ingested.get(Outcome.REMITTANCE).increment(report.adjudicated());
        ingested.get(Outcome.REJECTED).increment(report.rejected());
    }

    /** Events stored and not yet handled; not a number while the processor is failing. */
    private static double lag(String name, StreamingEventProcessor processor, ReadModelCatchUp catchUp) {
        try {
            long head = catchUp.head();
            return Math.max(0, head - Math.min(head, ReadModelCatchUp.slowestPosition(name, processor)));
        } catch (IllegalStateException failing) {
            return Double.NaN;
        }
    }
}
