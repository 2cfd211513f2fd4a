package io.outcomepay.claims.kafka;

import io.outcomepay.claims.intake.ClaimFormat;

/**
 * One message of a claims file on the intake topic: a payload that reads on its own in its format
 * (a CSV header with some of the file's rows, one X12 transaction set in its envelope, some NDJSON
 * lines or a whole FHIR document) and the offset that turns its positions into the file's.
 */
public record ClaimMessage(String source, ClaimFormat format, long positionOffset, int records, byte[] payload) {
}
