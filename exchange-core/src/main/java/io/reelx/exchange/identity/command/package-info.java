/** Organisation and user aggregates, and the service that creates them with their credentials. */
package io.reelx.exchange.identity.command;
