/** Rights: media, territories, languages, terms and windows, holdings and grants, and avails. */
package io.reelx.exchange.rights.domain;
