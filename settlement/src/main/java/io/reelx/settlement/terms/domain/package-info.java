/** Settlement terms as data: fees, minimum guarantee, revenue-share schedules, payees, and their validation. */
package io.reelx.settlement.terms.domain;
