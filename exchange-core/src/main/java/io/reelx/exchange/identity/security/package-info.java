/** Authentication (HTTP Basic, bearer API tokens) and the role and organisation checks. */
package io.reelx.exchange.identity.security;
