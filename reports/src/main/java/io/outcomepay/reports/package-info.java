/** Reports: settlement results as files people file and audit. */
package io.outcomepay.reports;
