/** The title aggregate: registration and the rights held in it. */
package io.reelx.exchange.rights.command;
