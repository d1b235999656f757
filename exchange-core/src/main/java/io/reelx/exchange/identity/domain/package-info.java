/** Organisations, users and roles of the exchange: who may act, for which organisation. */
package io.reelx.exchange.identity.domain;
