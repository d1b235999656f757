/** Command-side conventions shared by every aggregate. */
package io.reelx.exchange.shared.command;
