/**
 * EMA Avails as pure mapping: ReelX titles, holdings and grants to avails rows and back, the
 * LicenseType vocabulary, row validation and the import plan. No POI, no Spring, no I/O.
 */
package io.reelx.exchange.rights.ema.domain;
