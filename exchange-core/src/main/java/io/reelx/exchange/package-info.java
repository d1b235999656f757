/** The ReelX exchange application: trading contexts and the wiring that runs them. */
package io.reelx.exchange;
