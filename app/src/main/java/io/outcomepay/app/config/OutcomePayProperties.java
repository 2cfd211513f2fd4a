package io.outcomepay.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings under {@code outcomepay.*}.
 *
 * @param home            data directory: pseudonym key, embedded database, demo files ($OUTCOMEPAY_HOME)
 * @param ingestBatchSize claims per database transaction during ingest
 * @param readModelTimeout how long a read waits for the read models to catch up with the event store
 * @param maxUploadBytes  the largest request body a file upload (POST /api/claims, /api/payments) may have
 * @param maxBodyBytes    the largest body any other request may have (JSON usage events, contract YAML)
 */
@ConfigurationProperties("outcomepay")
public record OutcomePayProperties(Path home, int ingestBatchSize, Duration readModelTimeout, long maxUploadBytes,
                                   long maxBodyBytes) {
}
