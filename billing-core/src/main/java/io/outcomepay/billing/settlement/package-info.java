/**
 * The settlement engine: a plain function from (encounters, baseline, terms) to a result with its
 * calculation trace and fingerprint. No framework imports here (an ArchUnit test enforces it), so
 * an auditor can read it top to bottom and tests need no Spring, database or Axon.
 */
package io.outcomepay.billing.settlement;
