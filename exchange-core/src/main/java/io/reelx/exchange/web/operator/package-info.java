/**
 * The operator's workspace (issue 14): the review queue (approve, reject with a reason),
 * qualification of registrations, suspending and resuming a sale, organisations and users, and
 * terminating a contract. Every action is the API's command, with the listing's version from the
 * page (a second click on a stale page is refused, never applied twice).
 */
package io.reelx.exchange.web.operator;
