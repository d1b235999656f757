/** The contracts API: lists, documents, signatures and termination. */
package io.reelx.exchange.contract.web;
