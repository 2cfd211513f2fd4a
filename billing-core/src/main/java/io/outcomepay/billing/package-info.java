/** Billing core: money, contracts, baselines, encounters, the settlement engine and settlement periods. */
package io.outcomepay.billing;
