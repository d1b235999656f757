/**
 * What the holder's, operator's and auditor's forms share: what was typed ({@link
 * io.reelx.exchange.web.forms.FormInput}, kept on a refusal) and the refusals of the application
 * services shown next to their fields with the API's codes ({@link io.reelx.exchange.web.forms.Refusals}).
 */
package io.reelx.exchange.web.forms;
