/** HTTP: /me, /organizations and /users. */
package io.reelx.exchange.identity.web;
