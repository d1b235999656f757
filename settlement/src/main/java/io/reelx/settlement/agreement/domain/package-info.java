/** Settlement agreements: what settlement knows of an active licence contract (parties, currency, terms, position). */
package io.reelx.settlement.agreement.domain;
