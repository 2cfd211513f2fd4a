/** Analytics: read models projected from the event store by tracking processors, and the queries on them. */
package io.outcomepay.analytics;
