/** The settlement intake: trading events become settlement agreements and ledger postings. */
package io.reelx.exchange.finance.command;
