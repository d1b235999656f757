/** HTTP: /titles, holdings and avails. */
package io.reelx.exchange.rights.web;
