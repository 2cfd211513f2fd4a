/** Claims adapter: reads claim files, validates and normalizes them, and turns them into encounter commands. */
package io.outcomepay.claims;
