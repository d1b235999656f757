/** Registers of organisations, users, credentials and API tokens, kept in step with the events. */
package io.reelx.exchange.identity.query;
