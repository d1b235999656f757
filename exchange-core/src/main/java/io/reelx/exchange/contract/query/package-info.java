/** The contract register: contracts as their parties, finance and operators read them. */
package io.reelx.exchange.contract.query;
