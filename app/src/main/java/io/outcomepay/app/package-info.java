/**
 * The assembly: embedded PostgreSQL, Axon's JDBC event store, the command line (picocli), the REST
 * API (Spring MVC + springdoc) and the demo. Nothing depends on this module.
 */
package io.outcomepay.app;
