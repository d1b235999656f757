/** HTTP: the event history of any aggregate, for operators and auditors. */
package io.reelx.exchange.audit.web;
