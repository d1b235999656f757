/** Events finance records in the event log. */
package io.reelx.exchange.finance.domain;
