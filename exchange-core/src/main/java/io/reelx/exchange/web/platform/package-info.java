/**
 * The platform's workspace (issue 14): its contracts (read and sign), reports due, revenue report
 * upload (a CSV file or a line-entry form, every bad line shown by its number and nothing stored),
 * and its statements and invoices; and {@link io.reelx.exchange.web.platform.PageSettlement}, the one
 * place the pages (the holder's statements too) call settlement.
 */
package io.reelx.exchange.web.platform;
