/** HTTP: parked events of read models and processors, for operators (auditors read). */
package io.reelx.exchange.operations.web;
