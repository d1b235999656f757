/** An Axon event storage engine on KurrentDB (EventStoreDB): one stream per aggregate, tracking over {@code $all}. */
package io.reelx.exchange.eventstore;
