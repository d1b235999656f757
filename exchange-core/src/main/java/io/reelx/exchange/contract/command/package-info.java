/** The contract aggregate, its commands and the handler that drafts a contract from each award. */
package io.reelx.exchange.contract.command;
