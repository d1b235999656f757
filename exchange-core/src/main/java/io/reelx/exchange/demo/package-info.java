/** The demo profile: sample organisations, users, titles, holdings and listings. */
package io.reelx.exchange.demo;
