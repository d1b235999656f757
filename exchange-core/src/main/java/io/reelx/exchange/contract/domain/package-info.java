/** Licence contracts: their terms, canonical document, signatures, lifecycle facts and deadlines. */
package io.reelx.exchange.contract.domain;
