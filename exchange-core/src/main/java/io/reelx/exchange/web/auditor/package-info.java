/**
 * The auditor's pages (issue 14), read-only: any listing's or contract's timeline straight from
 * the event log, and the replay of an auction (each bid and countdown restart in order, on the
 * server's time).
 */
package io.reelx.exchange.web.auditor;
