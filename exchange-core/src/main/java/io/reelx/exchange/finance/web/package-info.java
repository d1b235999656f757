/** Settlement and finance over HTTP: controllers implementing the generated SettlementApi and FinanceApi. */
package io.reelx.exchange.finance.web;
